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
})();
