# @TEST-DOC: The package parses: its enrichment alone in bare mode, and everything with Zeek's default scripts.
# @TEST-EXEC: zeek --parse-only -b $PACKAGE/main.zeek
# @TEST-EXEC: zeek --parse-only $PACKAGE
