"""Checks after a run that every journal's numbers are 1..n without gaps or repeats and that counters agree."""
import os
import sqlite3
import subprocess
import sys

environment = dict(arg.split("=", 1) for arg in sys.argv[1:])
gaps = """
SELECT COUNT(*) FROM (
  SELECT journal_id, numbering_year, COUNT(*) AS c, MAX(sequence) AS m, COUNT(DISTINCT sequence) AS d
  FROM documents WHERE sequence IS NOT NULL GROUP BY journal_id, numbering_year) t
WHERE c <> m OR d <> c"""
counters = """
SELECT COUNT(*) FROM journal_counters jc JOIN (
  SELECT journal_id, numbering_year, MAX(sequence) AS m FROM documents WHERE sequence IS NOT NULL
  GROUP BY journal_id, numbering_year) t
ON t.journal_id = jc.journal_id AND t.numbering_year = jc.numbering_year WHERE jc.last_sequence <> t.m"""
journals = "SELECT COUNT(*) FROM (SELECT DISTINCT journal_id, numbering_year FROM documents WHERE sequence IS NOT NULL) t"
total = "SELECT COUNT(*) FROM documents"
url = environment.get("OBOROT_DATABASE_URL")


def query(sql):
    if url:
        return int(subprocess.check_output(["psql", url, "-At", "-c", sql]).decode().strip())
    connection = sqlite3.connect(os.path.join(environment["OBOROT_DATA_DIR"], "oborot.sqlite"))
    return connection.execute(sql).fetchone()[0]


bad, disagree = query(gaps), query(counters)
verdict = "ok" if bad == 0 and disagree == 0 else "FAILED"
print(f"- numbering check ({verdict}): {query(total)} documents in {query(journals)} journal-years; "
      f"{bad} with gaps or repeats; {disagree} counters disagreeing")
