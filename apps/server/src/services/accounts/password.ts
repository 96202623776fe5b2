import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/** argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane): about 12 ms here. */
const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when no account matches makes "no such user" cost the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('numeri-timing-equaliser-not-a-password');
  return dummyHash;
}

// zxcvbn ships its dictionaries (common passwords, names, English words) in the package:
// nothing is looked up over the network.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEn.translations,
});

// Score 4: more than 10^10 guesses, out of reach of an offline attack on argon2id hashes.
const MIN_SCORE = 4;

/**
 * NIST SP 800-63B: at least 12 characters here, no composition rules, but reject passwords that
 * are common, guessable or built from the person's own details. Returns why, or null when fine.
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 128) return 'must be at most 128 characters';
  const userInputs = personal
    .flatMap((value) => value.toLowerCase().split(/[@.\s_-]+/))
    .filter((part) => part.length >= 3);
  const result = zxcvbn.check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning?.replace(/\.$/, '');
  return warning
    ? `is too easy to guess: ${warning.charAt(0).toLowerCase()}${warning.slice(1)}`
    : 'is too easy to guess; try a longer phrase of unrelated words';
}
