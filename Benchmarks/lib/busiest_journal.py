"""Prints the id of the journal with the most documents this year among the targets."""
import json
import sys
import urllib.request

base, token, targets = sys.argv[1], sys.argv[2], sys.argv[3]
best, best_count = None, -1
organizations = sorted({line.split()[0] for line in open(targets) if line.strip()})
for organization in organizations:
    request = urllib.request.Request(
        f"{base}/api/v1/organizations/{organization}/journals", headers={"Authorization": "Bearer " + token})
    for journal in json.load(urllib.request.urlopen(request)):
        if journal.get("lastNumberThisYear", 0) > best_count:
            best, best_count = journal["id"], journal["lastNumberThisYear"]
print(best)
