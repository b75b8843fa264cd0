// Runs Microsoft.Recognizers.Text (zh-cn) over "category<TAB>text" lines and prints one JSON
// array: {category, text, value} with value in our canonical form (or null when nothing matched):
// number/currency/percentage/age → the number; datetime → yyyy-MM, yyyy, or "P<n>M" for durations.
'use strict';
const fs = require('fs');
const suite = require('@microsoft/recognizers-text-suite');

const [, , file, asOfText] = process.argv;
const asOf = asOfText ? new Date(asOfText + 'T00:00:00') : new Date(2025, 5, 15);
const culture = suite.Culture.Chinese;

const longest = (results) => results.reduce((best, r) => (!best || r.text.length > best.text.length ? r : best), null);

function numeric(category, text) {
  const fn = {
    number: suite.recognizeNumber,
    currency: suite.recognizeCurrency,
    percentage: suite.recognizePercentage,
    age: suite.recognizeAge,
  }[category];
  const r = longest(fn(text, culture));
  if (!r || !r.resolution || r.resolution.value == null) return null;
  const v = parseFloat(String(r.resolution.value).replace('%', ''));
  return Number.isFinite(v) ? v : null;
}

function datetime(text) {
  const r = longest(suite.recognizeDateTime(text, culture, undefined, asOf));
  if (!r || !r.resolution || !r.resolution.values || r.resolution.values.length === 0) return null;
  const v = r.resolution.values[r.resolution.values.length - 1];
  const timex = v.timex || '';
  let m;
  if ((m = /^P(\d+(?:\.\d+)?)Y$/.exec(timex))) return 'P' + Math.round(parseFloat(m[1]) * 12) + 'M';
  if ((m = /^P(\d+(?:\.\d+)?)M$/.exec(timex))) return 'P' + parseFloat(m[1]) + 'M';
  if ((m = /^(\d{4})-(\d{2})$/.exec(timex))) return `${m[1]}-${m[2]}`;
  if ((m = /^(\d{4})$/.exec(timex))) return m[1];
  if ((m = /^(\d{4})-(\d{2})-\d{2}$/.exec(timex))) return `${m[1]}-${m[2]}`;
  if (v.start && /^\d{4}-\d{2}/.test(v.start)) return v.start.slice(0, 7);
  return timex || null;
}

const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
const out = lines.map((line) => {
  const [category, text] = line.split('\t');
  const value = category === 'datetime' ? datetime(text) : numeric(category, text);
  return { category, text, value };
});
process.stdout.write(JSON.stringify(out));
