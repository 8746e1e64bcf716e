import { milliers, pluriel } from "../util/texte";
import { dateFrAaaammjj } from "./fec/champs";
import { nomEncodage, NOMS_SEPARATEURS } from "./fec/nomEncodage";
import type { ResultatFec } from "./fec/types";
import type { BilanLignes } from "./realise";

/**
 * What an écarts report was computed from, in two French sentences (the text of `prodbook ecarts`, the head of the
 * Écarts sheet): the ledger file with its format — the encoding named, detected or forced — and period, then where
 * each of its lines went (`lues` = affectées + sans poste + ignorées, the ignored ones by reason).
 */
export function phrasesGrandLivre(fec: ResultatFec, l: BilanLignes, nom?: string): { source: string; lignes: string } {
  const f = fec.format;
  const document = f.type === "fec" ? "FEC" : "grand livre CSV";
  const source =
    `Grand livre${nom ? ` « ${nom} »` : ""} : ${document}, séparateur ${NOMS_SEPARATEURS[f.separateur]}, ` +
    `encodage ${nomEncodage(f.encodage)}${f.bom ? " avec BOM" : ""} (${f.encodageForce ? "imposé" : "détecté"}), ` +
    `${f.montants === "debit-credit" ? "Debit/Credit" : "Montant/Sens"}, ${f.colonnes} colonnes` +
    (fec.periode
      ? `, écritures du ${dateFrAaaammjj(fec.periode.du)} au ${dateFrAaaammjj(fec.periode.au)}`
      : ", aucune écriture lue") +
    ".";
  const lignes =
    `Lignes ${f.type === "fec" ? "du FEC" : "du grand livre"} sous l'en-tête : ${milliers(l.lues)} lues = ` +
    `${milliers(l.affectees)} affectées à un poste + ${milliers(l.sansPoste)} sans poste + ` +
    `${milliers(l.ignorees)} ignorées (${milliers(l.horsClasse6)} hors classe 6, ` +
    `${pluriel(l.rejetees, "rejetée")} à la lecture, ${pluriel(l.vides, "vide")})` +
    `${l.conserve ? "." : " : INCOHÉRENT."}`;
  return { source, lignes };
}
