// Оборот — small progressive enhancements. Every page works without this file.
// Loaded with `defer`; CSP allows only same-origin scripts, so no inline code anywhere.
'use strict';

(() => {
  const TEXT = {
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить. Повторите попытку.',
    copy: 'Скопировать',
    copied: 'Скопировано',
    copyFailed: 'Не удалось скопировать автоматически: текст выделен, скопируйте его вручную.',
    confirmCancel: 'Аннулировать документ? Номер останется за ним.',
    pickDate: 'Укажите дату срока.',
    overdue: 'просрочено',
  };
  const LOAD_TIMEOUT_MS = 20000;

  // ---------------------------------------------------------------------------
  // (a) Lazy organisation tree.
  // <details data-children-url="…"> holds <ul class="org-tree__children"> with a
  // "Загрузка…" placeholder; on the first opening we fetch the HTML fragment
  // (a list of <li>) and put it in place. The listener is delegated on document
  // in the capture phase (toggle does not bubble), so nodes inserted later work too.
  // ---------------------------------------------------------------------------

  const inFlight = new WeakSet();

  function childList(details) {
    for (const element of details.children) {
      if (element.matches('ul.org-tree__children')) return element;
    }
    return null;
  }

  function messageItem(text, className) {
    const item = document.createElement('li');
    item.className = className;
    item.textContent = text;
    return item;
  }

  async function loadChildren(details) {
    const url = details.getAttribute('data-children-url');
    const list = childList(details);
    if (!url || !list || inFlight.has(details)) return;
    inFlight.add(details);

    list.setAttribute('aria-busy', 'true');
    list.replaceChildren(messageItem(TEXT.loading, 'muted small'));

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
        signal: controller.signal,
      });
      const type = response.headers.get('Content-Type') || '';
      // A redirect here means the session has expired (we were sent to the
      // login page): treat it as a failure rather than nest a whole page.
      if (!response.ok || response.redirected || !type.includes('text/html')) {
        throw new Error(`HTTP ${response.status}`);
      }
      const html = await response.text();
      list.innerHTML = html; // same-origin, server-rendered and escaped fragment
      details.removeAttribute('data-children-url');
      // Nodes the server already rendered open but not yet loaded.
      for (const nested of list.querySelectorAll('details[open][data-children-url]')) {
        loadChildren(nested);
      }
    } catch (error) {
      const item = messageItem(TEXT.loadFailed, 'org-tree__error small');
      item.setAttribute('role', 'alert');
      list.replaceChildren(item);
      // The data-children-url attribute stays: the next opening retries.
    } finally {
      clearTimeout(timer);
      list.removeAttribute('aria-busy');
      inFlight.delete(details);
    }
  }

  document.addEventListener('toggle', (event) => {
    const details = event.target;
    if (details instanceof HTMLDetailsElement && details.open && details.hasAttribute('data-children-url')) {
      loadChildren(details);
    }
  }, true);

  // Nodes rendered open but unloaded may have fired their toggle before we ran.
  for (const details of document.querySelectorAll('details[open][data-children-url]')) {
    loadChildren(details);
  }

  // ---------------------------------------------------------------------------
  // (b) "Скопировать" button next to one-time secrets (code.secret).
  // Added only where the asynchronous clipboard API exists (secure contexts).
  // ---------------------------------------------------------------------------

  function addCopyButton(code) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--small secret-copy';
    button.textContent = TEXT.copy;

    const status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');

    let resetTimer = 0;
    button.addEventListener('click', async () => {
      clearTimeout(resetTimer);
      try {
        await navigator.clipboard.writeText(code.textContent.trim());
        button.textContent = TEXT.copied;
        status.textContent = TEXT.copied;
      } catch (error) {
        window.getSelection().selectAllChildren(code);
        status.textContent = TEXT.copyFailed;
      }
      resetTimer = setTimeout(() => {
        button.textContent = TEXT.copy;
        status.textContent = '';
      }, 3000);
    });

    code.after(button, status);
  }

  if (window.isSecureContext && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    for (const code of document.querySelectorAll('code.secret')) addCopyButton(code);
  }

  // ---------------------------------------------------------------------------
  // (c) Ctrl+Enter (Cmd+Enter on a Mac) submits a form marked
  // data-submit-shortcut="true": the one holding the focus, or, when nothing
  // is focused, the page's only such form. requestSubmit() runs the browser's
  // validation and the submit listeners, exactly like the submit button.
  // ---------------------------------------------------------------------------

  const SHORTCUT_FORM = 'form[data-submit-shortcut="true"]';

  function shortcutForm(target) {
    if (target instanceof Element && target !== document.body && target !== document.documentElement) {
      const form = target.form instanceof HTMLFormElement ? target.form : target.closest('form');
      return form && form.matches(SHORTCUT_FORM) ? form : null;
    }
    const forms = document.querySelectorAll(SHORTCUT_FORM);
    return forms.length === 1 ? forms[0] : null;
  }

  function submitForm(form) {
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit();
      return;
    }
    const button = form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
    if (button) button.click();
    else if (form.reportValidity()) form.submit();
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (event.isComposing || event.repeat || event.defaultPrevented) return;
    const form = shortcutForm(event.target);
    if (!form) return;
    event.preventDefault();
    submitForm(form);
  });

  // ---------------------------------------------------------------------------
  // (d) Submitting: confirmation of a cancellation, and no double submission.
  // A second click or Ctrl+Enter while a POST form is on its way would register
  // a second document (and take a second number), so it is ignored for a while.
  // ---------------------------------------------------------------------------

  const RESUBMIT_AFTER_MS = 10000;
  let submitting = new WeakSet();

  function isCancellation(form) {
    if (!form.matches('form.action-form') || form.hasAttribute('data-confirm')) return false;
    const field = form.elements.namedItem('event');
    return field instanceof HTMLInputElement && field.value === 'cancel';
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') return;
    if (submitting.has(form)) {
      event.preventDefault();
      return;
    }
    if (isCancellation(form) && !window.confirm(TEXT.confirmCancel)) {
      event.preventDefault();
      return;
    }
    // Other irreversible steps name their own question: <form data-confirm="…">.
    const question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    submitting.add(form);
    form.setAttribute('aria-busy', 'true');
    setTimeout(() => {
      submitting.delete(form);
      form.removeAttribute('aria-busy');
    }, RESUBMIT_AFTER_MS);
  });

  // Back to a page kept in the back/forward cache: its forms are usable again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    submitting = new WeakSet();
    for (const form of document.querySelectorAll('form[aria-busy="true"]')) form.removeAttribute('aria-busy');
  });

  // ---------------------------------------------------------------------------
  // (e) Correspondent autocomplete: <input data-autocomplete="/api/…" list="…">.
  // From two typed characters on (after a 200 ms pause) the API is asked for
  // matching names, which replace the options of the <datalist>. Shorter input
  // brings back the options the server rendered. Failures are silent: the
  // field stays an ordinary text field; a newer request cancels an older one.
  // ---------------------------------------------------------------------------

  const AUTOCOMPLETE_MIN_CHARS = 2;
  const AUTOCOMPLETE_DELAY_MS = 200;
  const AUTOCOMPLETE_LIMIT = 20;
  const AUTOCOMPLETE_TIMEOUT_MS = 10000;

  function setUpAutocomplete(input) {
    const url = input.getAttribute('data-autocomplete');
    const list = input.list;
    if (!url || !(list instanceof HTMLDataListElement)) return;

    const rendered = Array.from(list.options, (option) => option.value);
    let shown = null;      // the query whose results the list holds; null: the rendered options
    let timer = 0;
    let controller = null;

    function fill(names) {
      const options = [];
      const seen = new Set();
      for (const name of names) {
        if (typeof name !== 'string' || name === '' || seen.has(name)) continue;
        seen.add(name);
        const option = document.createElement('option');
        option.textContent = name;
        options.push(option);
      }
      list.replaceChildren(...options);
    }

    async function load(query) {
      if (controller) controller.abort();
      const current = new AbortController();
      controller = current;
      const timeout = setTimeout(() => current.abort(), AUTOCOMPLETE_TIMEOUT_MS);
      try {
        const response = await fetch(
          `${url}?q=${encodeURIComponent(query)}&limit=${AUTOCOMPLETE_LIMIT}`,
          { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: current.signal },
        );
        const type = response.headers.get('Content-Type') || '';
        if (!response.ok || response.redirected || !type.includes('json')) return;
        const found = await response.json();
        if (controller !== current || !Array.isArray(found)) return;
        fill(found.map((item) => (item && typeof item.name === 'string' ? item.name : '')));
        shown = query;
      } catch (error) {
        // Aborted, offline, expired session, malformed answer: keep what is shown.
      } finally {
        clearTimeout(timeout);
        if (controller === current) controller = null;
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < AUTOCOMPLETE_MIN_CHARS) {
        if (controller) controller.abort();
        if (shown !== null) {
          fill(rendered);
          shown = null;
        }
        return;
      }
      if (query === shown) {
        if (controller) controller.abort(); // back to what is shown: a pending answer is stale
        return;
      }
      // A name picked from the list: nothing new to look up.
      if (Array.from(list.options).some((option) => option.value === input.value)) return;
      timer = setTimeout(() => load(query), AUTOCOMPLETE_DELAY_MS);
    });
  }

  for (const input of document.querySelectorAll('input[data-autocomplete][list]')) setUpAutocomplete(input);

  // ---------------------------------------------------------------------------
  // (f) Print buttons: <button type="button" data-print>.
  // ---------------------------------------------------------------------------

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-print]') : null;
    if (!button) return;
    event.preventDefault();
    window.print();
  });

  // ---------------------------------------------------------------------------
  // (g) After a registration the card opens with #registered-notice
  // (role="status"); focusing it makes screen readers read out the new number.
  // ---------------------------------------------------------------------------

  const notice = document.getElementById('registered-notice');
  if (notice) {
    if (!notice.hasAttribute('tabindex')) notice.setAttribute('tabindex', '-1');
    notice.focus();
  }

  // A form sent back with errors opens on its error list (#form-error), so the
  // list is read out first and its links lead to the fields to correct.
  const formError = document.getElementById('form-error');
  if (formError && !notice) {
    if (!formError.hasAttribute('tabindex')) formError.setAttribute('tabindex', '-1');
    formError.focus();
  }
  // ---------------------------------------------------------------------------
  // (h) Deadline presets on the resolution form: the explanation under them
  // follows the choice (GET /api/v1/deadlines); typing a date or a number of
  // working days picks its preset. Without script the server's text stays.
  // ---------------------------------------------------------------------------

  const explanation = document.getElementById('deadline-explanation');
  if (explanation) {
    const form = explanation.closest('form');
    let pending = null;
    const choose = (value) => {
      const radio = form.querySelector(`input[name="deadline"][value="${value}"]`);
      if (radio) radio.checked = true;
    };
    const update = async () => {
      const checked = form.querySelector('input[name="deadline"]:checked');
      const preset = checked ? checked.value : 'none';
      const params = new URLSearchParams({ from: explanation.dataset.from || '' });
      if (preset === 'urgent' || preset === 'operative') params.set('period', preset);
      if (preset === 'wd') params.set('period', `${form.elements.namedItem('workingDays').value}wd`);
      if (preset === 'date') {
        const date = form.elements.namedItem('deadlineDate').value;
        if (!date) { explanation.textContent = TEXT.pickDate; return; }
        params.set('date', date);
      }
      if (pending) pending.abort();
      const current = new AbortController();
      pending = current;
      try {
        const response = await fetch(`/api/v1/deadlines?${params}`, {
          credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: current.signal,
        });
        const body = await response.json();
        if (pending === current) explanation.textContent = response.ok ? body.explanation : (body.detail || '');
      } catch (error) {
        // Offline or aborted: keep the last explanation.
      }
    };
    form.addEventListener('input', (event) => {
      const name = event.target && event.target.name;
      if (name === 'deadlineDate') choose('date');
      if (name === 'workingDays') choose('wd');
      if (name === 'deadline' || name === 'deadlineDate' || name === 'workingDays') update();
    });
    form.addEventListener('change', (event) => {
      if (event.target && event.target.name === 'deadline') update();
    });
  }

  // ---------------------------------------------------------------------------
  // (i) The «Поручения» link shows how many assignments wait for the person
  // (and how many of them are overdue), fetched after the page is shown.
  // ---------------------------------------------------------------------------

  // ---------------------------------------------------------------------------
  // (j) <input type="file" data-fill-textarea="ID">: the chosen text file is
  // read into the textarea, which is what the form sends.
  // ---------------------------------------------------------------------------

  for (const input of document.querySelectorAll('input[type="file"][data-fill-textarea]')) {
    input.addEventListener('change', async () => {
      const target = document.getElementById(input.getAttribute('data-fill-textarea'));
      const file = input.files && input.files[0];
      if (!target || !file) return;
      target.value = await file.text();
    });
  }

  const feedLink = document.querySelector('.main-nav a[href="/notifications"]');
  if (feedLink) {
    fetch('/api/v1/notifications?unread=true&limit=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((feed) => {
        if (!feed || !feed.unread) return;
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.id = 'notification-count';
        badge.textContent = String(feed.unread);
        feedLink.append(' ', badge);
      })
      .catch(() => {});
  }

  const inboxLink = document.querySelector('.main-nav a[href="/assignments"]');
  if (inboxLink) {
    fetch('/api/v1/assignments/counts', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((counts) => {
        if (!counts || !counts.toDo) return;
        const badge = document.createElement('span');
        badge.className = counts.overdue ? 'badge badge--danger' : 'badge';
        badge.id = 'inbox-count';
        badge.textContent = String(counts.toDo);
        badge.title = counts.overdue ? `${TEXT.overdue}: ${counts.overdue}` : '';
        inboxLink.append(' ', badge);
      })
      .catch(() => {});
  }
})();
