// Deterministic generated documents for the benchmark: French-like news text with spans on whole words.
const WORDS = ['la', 'Russie', 'a', 'lancé', 'drones', 'missiles', 'sur', 'Kiev', 'dans', 'nuit', 'région', 'de', 'Belgorod', 'l’armée', 'ukrainienne', 'détruit', 'deux', 'trois', 'frappes', 'aériennes', 'selon', 'gouverneur', 'Odessa', 'Kharkiv', 'énergie', 'installations', 'défense', 'aérienne', '539', '11'];
const LABELS = ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'];

/** Deterministic pseudo-random numbers in [0, 1) from a seed (a linear congruential generator). */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A document of `words` words in paragraphs of ~80 words, with `spans` single-word spans spread evenly. */
export function generateArticle({ words, spans, seed, title }) {
  const random = rng(seed);
  const parts = [title, '\n\n'];
  const wordStarts = [];
  let length = title.length + 2;
  for (let i = 0; i < words; i++) {
    const word = WORDS[Math.floor(random() * WORDS.length)];
    wordStarts.push([length, length + word.length]);
    parts.push(word);
    length += word.length;
    const sep = i % 80 === 79 ? '.\n\n' : i % 12 === 11 ? ', ' : ' ';
    parts.push(sep);
    length += sep.length;
  }
  const text = parts.join('');
  const step = Math.max(1, Math.floor(words / spans));
  const list = [];
  for (let k = 0; k < spans; k++) {
    const [start, end] = wordStarts[k * step];
    list.push({ id: `g${k}`, start, end, label: LABELS[k % 4], source: 'imported', createdBy: 'bench', createdAt: 0 });
  }
  return { id: `bench-${seed}`, title, text, words, spans: list };
}
