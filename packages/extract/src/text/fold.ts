// Character folding for OCR'd text. Both functions keep a strict 1:1 mapping of UTF-16 code
// units, so an offset in the folded text is the same offset in the original (and so maps back to
// word boxes and page regions).

/**
 * Folds text for label matching: lower case, and the letter/digit pairs OCR confuses are made
 * equal (0/o, 1/l/i/|, 5/s, 8/b). Apply it to both the label and the text.
 */
export function foldForLabels(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const lower = c.toLowerCase();
    const l = lower.length === 1 ? lower : c;
    switch (l) {
      case '0':
        out += 'o';
        break;
      case '1':
      case 'i':
      case '|':
      case '!':
        out += 'l';
        break;
      case '5':
        out += 's';
        break;
      case '8':
        out += 'b';
        break;
      case '’':
      case '`':
        out += "'";
        break;
      default:
        out += l;
    }
  }
  return out;
}

const DIGIT_FOR: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
  S: '5',
  B: '8',
};
const RUN_CHAR = /[0-9OoDIl|SB,.$]/;
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Repairs OCR letter-for-digit confusions inside numeric tokens only: in a run of digits,
 * separators and confusable letters (O, o, D, I, l, |, S, B) that holds at least as many real digits
 * as confusable letters, the letters become digits ("8S,4l2.O0" → "85,412.00"). A leading "S"
 * before a well-formed amount is read as a misread "$". Letters that touch a word ("Jul", "Oct",
 * "BOX") are left alone.
 */
export function foldOcrDigits(text: string): string {
  const chars = text.split('');
  let i = 0;
  while (i < chars.length) {
    if (!RUN_CHAR.test(chars[i] as string)) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    while (end < chars.length && RUN_CHAR.test(chars[end] as string)) end++;
    i = end;
    // Trim confusable letters that are glued to a word on either side.
    while (start < end && isLetter(chars[start - 1]) && (chars[start] as string) in DIGIT_FOR) start++;
    while (end > start && isLetter(chars[end]) && (chars[end - 1] as string) in DIGIT_FOR) end--;
    let digits = 0;
    let letters = 0;
    for (let k = start; k < end; k++) {
      const c = chars[k] as string;
      if (c >= '0' && c <= '9') digits++;
      else if (c in DIGIT_FOR) letters++;
    }
    if (letters === 0) continue;
    const run = chars.slice(start, end).join('');
    const mapped = run.replace(/^S(?=[0-9OoDIl|SB])/, '$').replace(/[OoDIl|SB]/g, (c) => DIGIT_FOR[c] ?? c);
    // money-shaped after repair: "SO.OO" → "$0.00", "8S,4l2.O0" → "85,412.00"
    const moneyShaped = /^\$?\d{1,3}(?:,\d{3})*\.\d{2}$|^\$?\d{1,3}(?:,\d{3})+$/.test(mapped);
    if (!(moneyShaped || (digits > 0 && letters <= digits))) continue;
    let k = start;
    // "$" is often read as "S": a leading S straight before a digit is taken as a dollar sign.
    if (chars[k] === 'S' && /[0-9OoDIl|SB]/.test(chars[k + 1] ?? '') && !isLetter(chars[k - 1])) {
      chars[k] = '$';
      k++;
    }
    for (; k < end; k++) {
      const c = chars[k] as string;
      const d = DIGIT_FOR[c];
      if (d !== undefined) chars[k] = d;
    }
  }
  return chars.join('');
}

const LETTER_FOR: Readonly<Record<string, [upper: string, lower: string]>> = {
  '0': ['O', 'o'],
  '1': ['I', 'l'],
  '5': ['S', 's'],
  '8': ['B', 'b'],
};

const ENTITY_WORDS = 'PTY|LTD|LIMITED|HOLDINGS|GROUP|TRUST|FUND|BANK|CORPORATION';

/**
 * Repairs a name read by OCR: digits inside words become letters again (repairOcrLetters), and
 * spaces OCR dropped are restored where the text shows them: a lower-to-upper case change inside
 * a word ("GumtreeHealth" → "Gumtree Health") and an entity word glued to the word before it
 * ("HOLDINGSPTY LTD" → "HOLDINGS PTY LTD").
 */
export function repairOcrName(text: string): string {
  let out = repairOcrLetters(text).replace(/([a-z]{3})([A-Z][a-z])/g, '$1 $2');
  const glued = new RegExp(`([A-Z]{3,})(${ENTITY_WORDS})(?![A-Z])`, 'g');
  for (let i = 0; i < 3 && glued.test(out); i++) {
    glued.lastIndex = 0;
    out = out.replace(glued, '$1 $2');
  }
  return out;
}

/**
 * The reverse repair, for names read by OCR: inside a word that is mostly letters, the digits OCR
 * substitutes for letters (0, 1, 5, 8) become letters again, in the case of the word
 * ("B1LBY" → "BILBY", "Tab1elands" → "Tablelands", "W0mbat" → "Wombat").
 */
export function repairOcrLetters(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => {
    const letters = (word.match(/[A-Za-z]/g) ?? []).length;
    const digits = word.length - letters;
    if (digits === 0 || letters < 2 || digits >= letters || /[2-467-9]/.test(word)) return word;
    const upperWord = word === word.toUpperCase();
    return word
      .split('')
      .map((c, i) => {
        const pair = LETTER_FOR[c];
        if (!pair) return c;
        const prev = word[i - 1] ?? '';
        const next = word[i + 1] ?? '';
        const upper =
          upperWord ||
          (/[A-Z]/.test(prev) && (next === '' || /[A-Z]/.test(next))) ||
          (i === 0 && /[a-z]/.test(next) === false);
        return upper ? pair[0] : pair[1];
      })
      .join('');
  });
}
