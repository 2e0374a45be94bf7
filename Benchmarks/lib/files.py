"""Uploads and downloads 10 MB files through the API; prints throughput and the server's memory before and after."""
import json
import os
import sys
import time
import urllib.request

base, token, pid = sys.argv[1], sys.argv[2], sys.argv[3]
headers = {"Authorization": "Bearer " + token}


def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def call(method, path, body=None, extra=None):
    request = urllib.request.Request(base + path, data=body, method=method, headers={**headers, **(extra or {})})
    with urllib.request.urlopen(request) as response:
        return response.read()


tree = json.loads(call("GET", "/api/v1/organizations/tree?depth=1"))
root = tree[0]["organization"]["id"]
journals = json.loads(call("GET", f"/api/v1/organizations/{root}/journals"))
incoming = next(j["id"] for j in journals if "incoming" in j["kinds"])
correspondent = json.loads(call("GET", "/api/v1/correspondents?limit=1"))[0]["id"]
document = json.loads(call("POST", "/api/v1/documents", json.dumps({
    "organizationId": root, "kind": "incoming", "title": "Файлы для замера", "correspondentId": correspondent,
    "correspondentNumber": "1", "correspondentDate": "2026-01-10", "deliveryMethod": "post", "registerIn": incoming,
}).encode(), {"Content-Type": "application/json"}))["id"]

size = 10 * 1024 * 1024
before = rss()
upload_times, download_times, peak = [], [], before
attachment = None
for attempt in range(5):
    content = b"%PDF-1.7\n" + os.urandom(size - 9)
    start = time.perf_counter()
    stored = json.loads(call("POST", f"/api/v1/documents/{document}/files?name=big{attempt}.pdf", content,
                             {"Content-Type": "application/octet-stream"}))
    upload_times.append(time.perf_counter() - start)
    attachment = stored["attachmentId"]
    peak = max(peak, rss())
    start = time.perf_counter()
    downloaded = call("GET", f"/api/v1/documents/{document}/files/{attachment}?download=1")
    download_times.append(time.perf_counter() - start)
    assert len(downloaded) == size and downloaded[:5] == b"%PDF-"
    peak = max(peak, rss())
after = rss()
mb = size / 1024 / 1024
print(f"- 10 MB upload (5 files, one at a time): best {mb / min(upload_times):.0f} MB/s, median {mb / sorted(upload_times)[2]:.0f} MB/s")
print(f"- 10 MB download: best {mb / min(download_times):.0f} MB/s, median {mb / sorted(download_times)[2]:.0f} MB/s")
print(f"- server memory during the file runs: {before:.1f} MB before, {peak:.1f} MB peak, {after:.1f} MB after")
