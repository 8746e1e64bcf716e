/** Lower case, no accents, single spaces: the key used to match headers and labels. */
export function normaliser(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Imported text that Excel would read as a formula (= + - @) is kept as text by the adapters; this tells which. */
export function ressembleAFormule(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** 1048576 → "1 048 576": a count in a French message (money has its own formatter). */
export function milliers(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
