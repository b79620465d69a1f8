#!/usr/bin/env node
// `node scripts/make-hostile-corpus.js` writes tests/fixtures/hostile/corpus.json: the hostile
// requests tests/hostile-input.test.ts fires at every content-API route (path values, query
// strings and raw bodies). Each case names what it tries; none may get a 5xx or a non-JSON answer.
const fs = require('node:fs');
const path = require('node:path');

const boundary = 'HostileBoundary7MA4YWxk';
const part = (headers, content) => `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${content}\r\n`;
const pngHead = '\u0089PNG\r\n\u001a\n';

const corpus = {
  // each replaces every path parameter of a route (already percent-encoded, as a client would send it)
  pathValues: [
    { name: 'NUL alone', value: '%00' },
    { name: 'NUL inside an id', value: 'abc%00def' },
    { name: 'a lone surrogate as CESU-8', value: '%ED%A0%80' },
    { name: 'an overlong NUL', value: '%C0%80' },
    { name: 'a byte that is never UTF-8', value: '%FF' },
    { name: 'a cut-off escape', value: 'abc%E4%B8' },
    { name: 'a bidi override', value: 'invoice%E2%80%AEgpj.exe' },
    { name: 'a traversal', value: '..%2F..%2Fetc%2Fpasswd' },
    { name: 'a very long id', value: 'x'.repeat(4000) },
  ],
  queries: [
    { name: 'NUL in a value', value: 'q=%00' },
    { name: 'NUL in a field filter', value: 'type=bs-fault&filters[form][site_name][$eq]=a%00b' },
    { name: 'NUL in a key', value: 'a%00b=1' },
    { name: 'a lone surrogate in the sort', value: 'sort=%ED%A0%80' },
    { name: 'invalid UTF-8', value: 'page=%FF%FE' },
    { name: 'deep nesting', value: `${'a'}${'[b]'.repeat(30)}=1` },
    { name: 'a huge page size', value: 'page=1&pageSize=99999999999999999999' },
  ],
  // raw bodies: `text` is sent byte for byte (JSON escapes stay escapes until the server parses them)
  bodies: [
    { name: 'NUL in a form field', contentType: 'application/json', text: '{"data":{"type":"bs-fault","form":{"site_name":"A\\u0000B","pci":1}}}' },
    { name: 'NUL in a ticket-type key', contentType: 'application/json', text: '{"data":{"type":"bs-fault\\u0000","form":{}}}' },
    { name: 'NUL in a key', contentType: 'application/json', text: '{"data":{"form":{"site\\u0000name":"x"}}}' },
    { name: 'NUL in a login identifier', contentType: 'application/json', text: '{"identifier":"admin\\u0000","password":"Passw0rd!"}' },
    { name: 'a lone high surrogate', contentType: 'application/json', text: '{"data":{"type":"bs-fault","form":{"site_name":"\\ud800"}}}' },
    { name: 'a lone low surrogate in a name', contentType: 'application/json', text: '{"data":{"name":"\\udc00模板","ticketType":"bs-fault"}}' },
    { name: 'broken JSON', contentType: 'application/json', text: '{"data":{"type":' },
    { name: 'JSON that is not an object', contentType: 'application/json', text: '"\\u0000"' },
    { name: 'multipart without a boundary', contentType: 'multipart/form-data', text: part(['Content-Disposition: form-data; name="files"; filename="a.png"', 'Content-Type: image/png'], pngHead) },
    {
      name: 'multipart cut off before its closing boundary',
      contentType: `multipart/form-data; boundary=${boundary}`,
      text: `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${pngHead}`,
    },
    {
      name: 'NUL in a multipart field',
      contentType: `multipart/form-data; boundary=${boundary}`,
      text: `${part(['Content-Disposition: form-data; name="ticketType"'], 'bs-fault\u0000')}--${boundary}--\r\n`,
    },
  ],
};

const out = path.join(__dirname, '..', 'tests', 'fixtures', 'hostile', 'corpus.json');
fs.writeFileSync(out, `${JSON.stringify(corpus, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${corpus.pathValues.length} path values, ${corpus.queries.length} queries, ${corpus.bodies.length} bodies`);
