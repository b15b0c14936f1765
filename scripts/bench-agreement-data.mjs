// Deterministic corpus for the agreement benchmark: generated articles (bench-data.mjs), each
// annotated by three annotators whose spans differ the way people's do (a span left out, another
// label, a wider span, an extra span).
import { generateArticle, rng } from './bench-data.mjs';

const LABELS = ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'];

/** End of the word after `end` (or `end` when there is none). */
function nextWordEnd(text, end) {
  const m = /\s+(\S+)/y;
  m.lastIndex = end;
  const found = m.exec(text);
  return found ? found.index + found[0].length : end;
}

/** One annotator's version of the reference spans. */
function variant(text, spans, random, annotator) {
  const out = [];
  for (const s of spans) {
    const r = random();
    if (r < 0.04) continue; // left out
    if (r < 0.08) out.push({ ...s, label: LABELS[(LABELS.indexOf(s.label) + 1) % LABELS.length] });
    else if (r < 0.12) out.push({ ...s, end: nextWordEnd(text, s.end) });
    else out.push({ ...s });
    if (random() < 0.03) {
      const start = nextWordEnd(text, s.end) + 1;
      const end = nextWordEnd(text, start);
      if (end > start && end <= text.length) out.push({ id: `x${out.length}`, start, end, label: LABELS[Math.floor(random() * 4)] });
    }
  }
  return out.map((s, i) => ({ id: `${annotator}-${i}`, start: s.start, end: s.end, label: s.label }));
}

/** `documents` articles of `words` words, each with `spansPerDoc` spans per annotator, annotated by `annotators`. */
export function agreementCorpus({ documents = 10_000, words = 300, spansPerDoc = 10, annotators = ['alice', 'bob', 'carol'] } = {}) {
  const docs = [];
  const sets = [];
  for (let i = 0; i < documents; i++) {
    const article = generateArticle({ words, spans: spansPerDoc, seed: 100 + i, title: `Corpus article ${i}` });
    const id = `doc-${i}`;
    // Generated texts are all different: a per-article hash is as good as a hash of the text.
    docs.push({ id, hash: `bench-${i}`, length: article.text.length, text: article.text });
    annotators.forEach((annotator, k) => {
      const random = rng(i * 31 + k * 7 + 1);
      sets.push({ docId: id, annotator, status: 'done', spans: variant(article.text, article.spans, random, annotator) });
    });
  }
  return { documents: docs, sets };
}
