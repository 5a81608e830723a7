// Turns what a person pastes (a conn.log JSON line, or a TSV row with its header) into the JSON record the
// attribution endpoint takes.

const NUMERIC = new Set(['id.orig_p', 'id.resp_p']);

/** Parses a pasted conn.log record; throws Error with a message a person can act on. */
export function parseConn(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    throw new Error('Paste a conn.log line first.');
  }
  if (trimmed.startsWith('{')) {
    try {
      const record = JSON.parse(trimmed.split('\n')[0]);
      if (record && typeof record === 'object' && !Array.isArray(record)) {
        return record;
      }
    } catch (e) {
      throw new Error(`Not valid JSON: ${e.message}`);
    }
    throw new Error('Expected one JSON object (one conn.log record).');
  }
  return parseTsv(trimmed);
}

function parseTsv(text) {
  const lines = text.split(/\r?\n/).filter(l => l.trim() !== '');
  let header = null;
  let row = null;
  for (const line of lines) {
    if (line.startsWith('#fields')) {
      header = line.split('\t').slice(1);
    } else if (line.startsWith('#')) {
      continue;
    } else if (header === null) {
      header = line.split('\t');
    } else if (row === null) {
      row = line.split('\t');
    }
  }
  if (!header || !row) {
    throw new Error('For TSV, paste the header (the #fields line, or a tab-separated header row) and one row.');
  }
  if (header.length !== row.length) {
    throw new Error(`The header has ${header.length} fields but the row has ${row.length} (tabs lost in copying?).`);
  }
  const record = {};
  header.forEach((name, i) => {
    const value = row[i];
    if (value !== '-' && value !== '(empty)') {
      record[name] = NUMERIC.has(name) && /^\d+$/.test(value) ? Number(value) : value;
    }
  });
  return record;
}

/** The record for a filled-in 5-tuple form. */
export function fromTuple({ origH, origP, respH, respP, proto, ts }) {
  const port = p => (/^\d+$/.test(p.trim()) ? Number(p.trim()) : p.trim());
  const record = { 'id.orig_h': origH.trim(), 'id.orig_p': port(origP), 'id.resp_h': respH.trim(),
    'id.resp_p': port(respP), proto };
  if (ts && ts.trim()) {
    record.ts = ts.trim();
  }
  return record;
}
