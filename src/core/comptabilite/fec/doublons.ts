import { cents, type Cents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { dateFrAaaammjj } from "./champs";
import { DecodeurTexte, type EncodageFec } from "./decodage";
import type { DoublonFec } from "./types";

/**
 * The runs of consecutive lines of one entry (JournalCode + EcritureNum) a reader met, in plain typed arrays (they
 * cross worker threads): the offset of the entry's key in the part's key arena (EnsembleCles), first and last
 * physical lines, line count, first date, and a fingerprint of the lines — the sum (mod 2³²) of a hash of each line's
 * account, date, debit and credit — with the exact debit and credit totals. Two runs of one key with the same
 * fingerprint, count and totals are the same écriture listed twice (two exports appended, a period exported twice).
 */
export interface RunsFec {
  nombre: number;
  cle: Int32Array;
  debut: Int32Array;
  fin: Int32Array;
  lignes: Int32Array;
  date: Int32Array;
  empreinte: Int32Array;
  debit: Float64Array;
  credit: Float64Array;
}

/** Runs per block: a block is filled once, never copied (see EnregistreurRuns). */
const BLOC = 1 << 14;

/**
 * Records runs as they close (one per entry met; a few per thousand lines), in blocks of BLOC runs. Arrays grown by
 * doubling were copied at each step and left twice the memory touched: on a 1,000,000-line FEC (500,000 runs) that
 * was 40 MB of fresh pages instead of 20, and page faults cost more than the reading of the lines they record.
 */
export class EnregistreurRuns {
  private readonly blocs: RunsFec[] = [];
  private bloc?: RunsFec;

  ajouter(
    cle: number,
    debut: number,
    fin: number,
    lignes: number,
    date: number,
    empreinte: number,
    debit: number,
    credit: number,
  ): void {
    let b = this.bloc;
    if (!b || b.nombre === BLOC) this.blocs.push((b = this.bloc = nouveauBloc()));
    const i = b.nombre++;
    b.cle[i] = cle;
    b.debut[i] = debut;
    b.fin[i] = fin;
    b.lignes[i] = lignes;
    b.date[i] = date;
    b.empreinte[i] = empreinte;
    b.debit[i] = debit;
    b.credit[i] = credit;
  }

  /** The blocks in order, the last one's arrays cut to its runs (views, not copies). */
  runs(): RunsFec[] {
    return this.blocs.map((b) =>
      b.nombre === BLOC
        ? b
        : {
            nombre: b.nombre,
            cle: b.cle.subarray(0, b.nombre),
            debut: b.debut.subarray(0, b.nombre),
            fin: b.fin.subarray(0, b.nombre),
            lignes: b.lignes.subarray(0, b.nombre),
            date: b.date.subarray(0, b.nombre),
            empreinte: b.empreinte.subarray(0, b.nombre),
            debit: b.debit.subarray(0, b.nombre),
            credit: b.credit.subarray(0, b.nombre),
          },
    );
  }
}

function nouveauBloc(): RunsFec {
  return {
    nombre: 0,
    cle: new Int32Array(BLOC),
    debut: new Int32Array(BLOC),
    fin: new Int32Array(BLOC),
    lignes: new Int32Array(BLOC),
    date: new Int32Array(BLOC),
    empreinte: new Int32Array(BLOC),
    debit: new Float64Array(BLOC),
    credit: new Float64Array(BLOC),
  };
}

/** What the assembler gives for each part: its runs (blocks in order), its key arena, and its line numbers' offset. */
export interface PartieRuns {
  runs?: RunsFec[];
  octets: Uint8Array;
  decalage: number;
}

/** The key bytes at offset o of an arena ([length (2 bytes)][journal][0][number]) as a Latin-1 string (exact). */
function cleBrute(t: Uint8Array, o: number): string {
  const n = (t[o] << 8) | t[o + 1];
  let s = "";
  for (let i = o + 2; i < o + 2 + n; i++) s += String.fromCharCode(t[i]);
  return s;
}

/** At most this many duplicated entries are described one by one (all are counted and summed). */
export const DOUBLONS_CITES = 50;

/**
 * The entries listed twice over the parts of a file read in order: runs of one key, with the same lines (fingerprint,
 * count, date and totals). An entry cut by a part border is joined first. The first listing is the original, every
 * later one a duplicate naming it. Nothing is dropped: the réalisé keeps the arithmetic the file gives.
 */
export function trouverDoublons(
  parties: PartieRuns[],
  encodage: EncodageFec | undefined,
  /** The header lines met again (file numbers): a run never goes on across one. */
  coupures: readonly number[] = [],
): { doublons: DoublonFec[]; nombre: number; debit: Cents; nombreLignes: number } {
  interface Run {
    cle: string;
    debut: number;
    fin: number;
    lignes: number;
    date: number;
    empreinte: number;
    debit: number;
    credit: number;
  }
  const vus = new Map<string, Run[]>();
  let dernier: Run | undefined;
  const tous: Run[] = [];
  for (const p of parties) {
    if (!p.runs) continue;
    let premier = true;
    for (const r of p.runs)
      for (let i = 0; i < r.nombre; i++) {
        const run: Run = {
          cle: cleBrute(p.octets, r.cle[i]),
          debut: r.debut[i] + p.decalage,
          fin: r.fin[i] + p.decalage,
          lignes: r.lignes[i],
          date: r.date[i],
          empreinte: r.empreinte[i],
          debit: r.debit[i],
          credit: r.credit[i],
        };
        // The first run of a part continues the previous part's last one when they are the same entry, as one reading
        // would have read them (no repeated header between).
        const suite = (d: Run) => d.cle === run.cle && !coupures.some((c) => c > d.fin && c < run.debut);
        const enTete = premier;
        premier = false;
        if (enTete && dernier && suite(dernier)) {
          dernier.fin = run.fin;
          dernier.lignes += run.lignes;
          dernier.empreinte = (dernier.empreinte + run.empreinte) | 0;
          dernier.debit += run.debit;
          dernier.credit += run.credit;
          continue;
        }
        tous.push(run);
        dernier = run;
      }
    dernier = tous[tous.length - 1];
  }
  const doublons: DoublonFec[] = [];
  let nombre = 0;
  let nombreLignes = 0;
  let debit = 0;
  const decodeur = new DecodeurTexte(encodage ?? "utf-8");
  for (const run of tous) {
    const k = `${run.cle}\u0000${run.date}\u0000${run.empreinte}\u0000${run.lignes}\u0000${run.debit}\u0000${run.credit}`;
    const l = vus.get(k);
    if (!l) {
      vus.set(k, [run]);
      continue;
    }
    const original = l[0];
    l.push(run);
    nombre++;
    nombreLignes += run.lignes;
    debit += run.debit;
    if (doublons.length < DOUBLONS_CITES) {
      const octets = Uint8Array.from(run.cle, (c) => c.charCodeAt(0));
      const z = octets.indexOf(0);
      doublons.push({
        journal: decodeur.texte(octets, 0, z).trim(),
        ecritureNum: decodeur.texte(octets, z + 1, octets.length).trim(),
        date: run.date,
        lignes: { du: run.debut, au: run.fin },
        premieres: { du: original.debut, au: original.fin },
        nombreLignes: run.lignes,
        debit: cents(run.debit),
        credit: cents(run.credit),
      });
    }
  }
  return { doublons, nombre, debit: cents(debit), nombreLignes };
}

const plage = (p: { du: number; au: number }) => (p.du === p.au ? `ligne ${p.du}` : `lignes ${p.du} à ${p.au}`);

/** « écriture AC 2 du 06/01/2024, lignes 7 à 8, déjà lignes 4 à 5 (250,50 €) »: one duplicated entry as messages name it. */
export function texteDoublon(d: DoublonFec): string {
  return (
    `écriture ${d.journal} ${d.ecritureNum} du ${dateFrAaaammjj(d.date)}, ${plage(d.lignes)}, déjà ` +
    `${plage(d.premieres)} (${formatMontantFr(d.debit)}${d.credit !== d.debit ? ` au débit, ${formatMontantFr(d.credit)} au crédit` : ""})`
  );
}
