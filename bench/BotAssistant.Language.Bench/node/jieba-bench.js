// Segments the given UTF-8 file with @node-rs/jieba (its bundled dictionary, no HMM, like ours)
// and prints {"mbPerSecond": n, "words": n} for bench/README.md.
'use strict';
const fs = require('fs');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');

const text = fs.readFileSync(process.argv[2], 'utf8');
const seconds = parseFloat(process.argv[3] || '3');
const jieba = Jieba.withDict(dict);
const bytes = Buffer.byteLength(text, 'utf8');
let words = 0;
for (let i = 0; i < 3; i++) words = jieba.cut(text, false).length;
let runs = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < seconds) {
  jieba.cut(text, false);
  runs++;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
process.stdout.write(JSON.stringify({ mbPerSecond: (bytes * runs) / elapsed / 1e6, words }));
