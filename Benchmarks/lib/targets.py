"""Prints "organizationId journalId correspondentId" lines: the incoming journals of the region's first-level bodies."""
import json
import sys
import urllib.request

base, token = sys.argv[1], sys.argv[2]


def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


tree = get("/api/v1/organizations/tree?depth=2")
organizations = [node["organization"]["id"] for node in tree[0]["children"]][:40]
correspondent = get("/api/v1/correspondents?limit=1")[0]["id"]
for organization in organizations:
    for journal in get(f"/api/v1/organizations/{organization}/journals"):
        if "incoming" in journal["kinds"]:
            print(organization, journal["id"], correspondent)
