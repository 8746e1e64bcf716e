/**
 * A sheet asked for by name and not found, said so the user can see why: the names a workbook holds listed (the first
 * 30 of a workbook of 200, then how many more), the name typed with its invisible characters shown (« Budget⟨U+200B⟩ »:
 * a zero-width space or a right-to-left mark pasted with the name prints as nothing, or turns the line around), and
 * the sheet it was meant to be when only such characters or spaces tell them apart (never taken in its place).
 */

/** Characters that print as nothing or move the text: format (U+200B, U+202E, U+FEFF…) and control characters. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/** The name as typed, its invisible characters written out (« Budget⟨U+200B⟩ »). */
export function nomVisible(nom: string): string {
  return nom.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

const LISTE_MAX = 30;

/** « « F0 », « F1 » … et 170 autres » (`guillemets`: each name between « »). */
export function listeFeuilles(noms: readonly string[], guillemets = true): string {
  const cite = (n: string) => (guillemets ? `« ${nomVisible(n)} »` : nomVisible(n));
  if (noms.length <= LISTE_MAX) return noms.map(cite).join(", ");
  return `${noms.slice(0, LISTE_MAX).map(cite).join(", ")} et ${noms.length - LISTE_MAX} autres`;
}

const comparable = (n: string) =>
  n
    .replace(/[\p{Cf}]/gu, "")
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim()
    .toLowerCase();

/**
 * What tells the name typed from a sheet of the workbook when only invisible characters or spaces do:
 * « : le nom demandé contient un caractère invisible ; vouliez-vous dire « Budget Gardiens » ? », else "".
 */
export function indiceFeuille(nom: string, existantes: readonly string[]): string {
  const proche = existantes.find((e) => comparable(e) === comparable(nom));
  if (proche === undefined) return "";
  const invisible = new RegExp(INVISIBLE.source, "u").test(nom);
  return (
    ` ; le nom demandé ${invisible ? "contient un caractère invisible" : "diffère par ses espaces"} : ` +
    `vouliez-vous dire « ${proche} » ?`
  );
}

/**
 * A sheet named by the user (the CLI's --feuille, the pane's picker) that is not one of the producer's, said with the
 * producer's sheets only: Prodbook's own outputs (« Devis », « Contrôles », « Versions », « Échéancier »…) are never a
 * choice. `quoi` says which sheet (« de devis », « du plan de financement », "" when the command says it already);
 * `duProducteur` are the producer's sheets, `deProdbook` the workbook's sheets Prodbook wrote. A name that is one of
 * Prodbook's is said to be so. Shared by devis, credit-impot, financement, carbone and planning. `autreUsage`: the
 * producer's sheets recognised as another kind, by name, each named apart by its nature alone (« une feuille
 * d'étapes »: the columns that tell it belong to the refusal of that one sheet), never as a choice.
 */
export function feuilleNonTrouvee(
  nom: string,
  quoi: string,
  duProducteur: readonly string[],
  deProdbook: readonly string[],
  autreUsage?: ReadonlyMap<string, { nature: string }>,
): string {
  // The producer's sheets recognised as something else (a steps sheet for a devis…) are no choice: named apart.
  const choix = autreUsage ? duProducteur.filter((n) => !autreUsage.has(n)) : duProducteur;
  const autres = autreUsage ? duProducteur.filter((n) => autreUsage.has(n)) : [];
  const liste =
    (choix.length
      ? listeFeuilles(choix)
      : autres.length
        ? "aucune autre feuille du producteur"
        : "aucune feuille du producteur") +
    (autres.length
      ? ` ; ${autres.map((n) => `« ${nomVisible(n)} » est ${autreUsage!.get(n)!.nature}`).join(", ")}`
      : "");
  const ecrite = deProdbook.find((p) => p.trim().toLowerCase() === nom.trim().toLowerCase());
  if (ecrite !== undefined)
    return (
      `La feuille « ${ecrite} » a été créée par Prodbook : indiquez comme feuille ${quoi || "source"} ` +
      `une feuille du producteur (${liste}).`
    );
  return (
    `La feuille ${quoi ? `${quoi} ` : ""}« ${nomVisible(nom)} » n'existe pas dans le classeur (feuilles : ${liste})` +
    `${indiceFeuille(nom, duProducteur) || "."}`
  );
}
