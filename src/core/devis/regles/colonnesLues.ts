import { ecartRecapEnMots } from "../recapitulatif";
import Decimal from "decimal.js";
import type { Regle } from "../../controles/constat";
import { centsToDecimal, subCents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { decimalFr } from "../../util/texte";
import { totauxProuves } from "../choixParTotaux";
import { valeurEnMots } from "../natureChiffre";
import type {
  ColonneMontantNommee,
  ColonneNommee,
  ColonneNonLue,
  ColonnesMontant,
  EpisodesNonProuves,
  NombresHorsColonne,
  SemainesNonProuvees,
  TotauxColonne,
} from "../model";
import type { ContexteDevis } from "./contexte";

const NATURE: Record<ColonneMontantNommee["nature"], string> = {
  ht: "",
  montant: " (sans mention de taxe, lue comme hors taxes)",
  ttc: "",
  tva: "",
};

/**
 * The amounts read are TTC (« Montant TTC » alone, or with a TVA column but no HT one): an alerte, since the devis
 * CNC, the crédit d'impôt and the plan de financement count costs hors taxes (a production that recovers the TVA).
 * With a TVA column, the HT it implies (Σ TTC − Σ TVA) is given; nothing is deduced silently.
 */
function montantsTTC(m: ColonnesMontant) {
  const r = m.retenue;
  const tva = m.ecartees.find((e) => e.nature === "tva");
  const autres = m.ecartees.map((e) => `« ${e.entete} » (${e.colonne})`).join(", ");
  const s = m.tvaSansHT;
  const ht =
    tva && s && s.lignes > 0
      ? ` Sur ${s.lignes > 1 ? `les ${s.lignes} lignes qui en portent` : "la ligne qui en porte"}, la colonne ` +
        `${tva.colonne} « ${tva.entete} » donne un hors taxes de ${formatMontantFr(subCents(s.ttc, s.tva))} ` +
        `(TTC ${formatMontantFr(s.ttc)} − TVA ${formatMontantFr(s.tva)}), non compté.`
      : "";
  return {
    regle: "colonnes-lues",
    gravite: "alerte" as const,
    message:
      `${r.cellule} : la colonne ${r.colonne} « ${r.entete} » est lue faute de colonne hors taxes : les montants du ` +
      `devis sont TTC, alors que le devis CNC, le crédit d'impôt et le plan de financement se comptent hors taxes ` +
      `quand la production récupère la TVA.` +
      (autres ? ` ${autres} ${m.ecartees.length > 1 ? "ne sont pas comptées" : "n'est pas comptée"}.` : "") +
      ht +
      ` Ajoutez une colonne « Montant HT » (ou renommez l'en-tête si ces montants sont en fait hors taxes).`,
    cellule: r.cellule,
  };
}

const POURQUOI: Record<string, string> = {
  version: "la version la plus récente",
  visible: "la seule visible, les autres étant masquées",
  aDroite: "la plus à droite",
  seule: "la seule qui contient des montants",
};

/** « G « Montant » (Devis!G3, somme 8 400,00 €) ». */
function decrire(c: ColonneMontantNommee): string {
  const somme = c.somme === undefined ? "" : `, somme ${formatMontantFr(c.somme)}`;
  return `${c.colonne} « ${c.entete} » (${c.cellule}${somme})`;
}

/**
 * The cells of the totals not proven, and among them those read as lines on a row where `autre` (another column)
 * proves a total: « Devis!F5, Devis!F8, lus comme des lignes alors qu'une autre colonne y prouve un total ».
 */
function nonProuvesDits(t: TotauxColonne, autre = "une autre colonne"): string {
  const l = t.commeLignes ?? [];
  if (!l.length) return t.nonProuves.join(", ");
  const suite =
    ` ${l.length > 1 ? "lus comme des lignes" : "lu comme une ligne"} alors ` +
    `${/^[aeiouy]/i.test(autre) ? "qu'" : "que "}${autre} y prouve un total`;
  return l.length === t.nonProuves.length
    ? `${t.nonProuves.join(", ")},${suite}`
    : `${t.nonProuves.join(", ")} ; ${l.join(", ")}${suite}`;
}

/** « 2 de ses totaux ne sont pas prouvés par ses lignes (Devis!G5, Devis!G9) ». */
function bilan(c: ColonneMontantNommee): string {
  const t = c.totaux;
  if (!t) return "";
  if (!t.nonProuves.length)
    return t.prouves
      ? `ses lignes prouvent aussi ${t.prouves > 1 ? `ses ${t.prouves} totaux` : "son total"}`
      : "elle n'a ni sous-total ni total";
  const k = t.nonProuves.length;
  return (
    `${k > 1 ? `${k} de ses totaux ne sont pas prouvés` : "un de ses totaux n'est pas prouvé"} par ses lignes ` +
    `(${nonProuvesDits(t)})`
  );
}

/** « G : aucun ; F : 2 prouvés par ses lignes » — each column's subtotals and totals, when nothing decided by them. */
function bilans(colonnes: readonly ColonneMontantNommee[]): string {
  return colonnes
    .map((c) => {
      const t = c.totaux as TotauxColonne;
      const p = t.prouves > 0 ? `${t.prouves} ${t.prouves > 1 ? "prouvés" : "prouvé"} par ses lignes` : "";
      const k = t.nonProuves.length;
      const n = k ? `${k} ${k > 1 ? "non prouvés" : "non prouvé"} (${nonProuvesDits(t)})` : "";
      return `${c.colonne} : ${[p, n].filter(Boolean).join(", ") || "aucun"}`;
    })
    .join(" ; ");
}

/**
 * The column read is HT (or « Montant », read as HT) and a TTC column's lines prove all its subtotals and totals
 * while the HT column's do not: the HT is still read (the devis CNC, the crédit d'impôt and the plan de financement
 * count costs hors taxes), but something is off in it — a mistyped amount, a total not updated, a subtotal read as a
 * line. An alerte naming both columns and what each proves; never a silent choice.
 */
function htNonProuve(m: ColonnesMontant) {
  const r = m.retenue;
  const t = r.totaux;
  if ((r.nature !== "ht" && r.nature !== "montant") || !t?.nonProuves.length) return undefined;
  const ttc = m.ecartees.find((e) => e.nature === "ttc" && e.totaux && totauxProuves(e.totaux));
  if (!ttc?.totaux) return undefined;
  const k = t.nonProuves.length;
  const p = t.prouves;
  const n = ttc.totaux.prouves;
  const combien = p + k === 1 ? "son seul sous-total ou total" : p ? `que ${p} de ses ${p + k}` : `aucun de ses ${k}`;
  return {
    regle: "colonnes-lues",
    gravite: "alerte" as const,
    message:
      `${r.cellule} : la colonne ${decrire(r)} est lue${NATURE[r.nature]}, le devis se comptant hors taxes ; mais ` +
      `ses lignes ne prouvent ${p + k === 1 ? `pas ${combien}` : `${combien} sous-totaux et totaux`} ` +
      `(${k > 1 ? "non prouvés" : "non prouvé"} : ${nonProuvesDits(t, `la colonne ${ttc.colonne}`)}), alors que ` +
      `les lignes de la colonne ${decrire(ttc)} prouvent ${n > 1 ? `ses ${n} sous-totaux et totaux` : "son total"}. ` +
      `Un montant hors taxes mal saisi ou un total non mis à jour ? Vérifiez ces cellules ; le TTC n'est pas compté ` +
      `à la place du hors taxes.`,
    cellule: r.cellule,
  };
}

/**
 * The column read because its lines prove its subtotals and totals (sum or formula) and the others' do not: an
 * information naming the totals of each column not read that its lines do not prove. An alerte when another
 * column not read is proven too (the latest version or rightmost of those was taken).
 */
function parTotaux(m: ColonnesMontant, autres: ColonneMontantNommee[]) {
  const r = m.retenue;
  const p = r.totaux?.prouves ?? 0;
  const aussi = autres.some((e) => e.totaux && !e.totaux.nonProuves.length);
  return {
    regle: "colonnes-lues",
    gravite: aussi ? ("alerte" as const) : ("info" as const),
    message:
      `${r.cellule} : ${autres.length + 1} colonnes de montant semblables ; la colonne ${decrire(r)} est lue : ` +
      `ses lignes prouvent ${p > 1 ? `ses ${p} sous-totaux et totaux` : "son total"} (somme ou formule). ` +
      autres.map((e) => `${decrire(e)} n'est pas comptée${e.totaux ? ` : ${bilan(e)}` : ""}`).join(" ; ") +
      (aussi ? " ; vérifiez que la colonne lue est la bonne, sinon masquez celle à écarter." : "."),
    cellule: r.cellule,
  };
}

/**
 * Columns alike (« Montant | Montant », « Montant V1 | Montant V2 »): nothing proves which one is the devis. The
 * column read and those not read, with their header cells and sums; an information only when they are identical.
 */
function colonnesPareilles(m: ColonnesMontant) {
  const r = m.retenue;
  const autres = m.ecartees.filter((e) => e.nature === r.nature);
  const liste = autres.map(decrire).join(", ");
  if (m.identiques)
    return {
      regle: "colonnes-lues",
      gravite: "info" as const,
      message:
        `${r.cellule} : les colonnes ${liste} et ${decrire(r)} sont identiques ligne à ligne ; ` +
        `la colonne ${r.colonne} est lue, une seule fois.`,
      cellule: r.cellule,
    };
  const n = autres.length > 1;
  if (m.choix === "totaux") return parTotaux(m, autres);
  // Subtotals and totals read in the columns, which decided nothing (none proven against one not): said per column.
  const avecTotaux = [r, ...autres].every((c) => c.totaux);
  return {
    regle: "colonnes-lues",
    gravite: m.choix === "seule" || m.choix === "visible" ? ("info" as const) : ("alerte" as const),
    message:
      `${r.cellule} : ${autres.length + 1} colonnes de montant semblables ; la colonne ${decrire(r)} est lue, ` +
      `${POURQUOI[m.choix ?? "aDroite"]}. ${liste} ${n ? "ne sont pas comptées" : "n'est pas comptée"}` +
      (m.choix === "seule" || m.choix === "visible"
        ? "."
        : (avecTotaux
            ? ` : leurs sous-totaux et totaux ne disent pas laquelle est le devis (${bilans([r, ...autres])})`
            : ` : rien dans le classeur ne prouve laquelle est le devis`) +
          ` ; vérifiez que c'est la bonne, sinon masquez la colonne à écarter ou renommez son en-tête.`),
    cellule: r.cellule,
  };
}

const NON_LUE: Record<ColonneNonLue["nature"], string> = {
  realise: "le réalisé se compare au devis (écarts avec le Grand livre), il n'en fait pas partie",
  ecart: "un écart se déduit des autres colonnes",
  episode: "les montants par épisode détaillent le montant lu",
  secondBloc: "un second bloc qui répète l'en-tête n'est pas lu",
  semaine: "les montants par semaine répartissent le montant lu",
  mois: "les montants par mois répartissent le montant lu",
};

/**
 * A line's budget spread over weeks (« Semaine 1 | Semaine 2 | … »): those columns seen, never read as amounts, the
 * amount column read instead. An info: the rows whose weeks add up to their amount are proven by arithmetic; the week
 * cells of the others are listed with their sum, not counted (the amount read is).
 */
function semainesVues(
  lu: { mont?: ColonneNommee; colonne?: string },
  cols: readonly ColonneNonLue[],
  s: SemainesNonProuvees | undefined,
  periode: "semaine" | "mois" = "semaine",
) {
  // « les semaines font le montant lu » / « les mois font le montant lu »: the same words for either period.
  const les = periode === "mois" ? "les mois" : "les semaines";
  const premiere = cols[0];
  const derniere = cols[cols.length - 1];
  const plusieurs = cols.length > 1;
  const quelles = plusieurs
    ? `les ${cols.length} colonnes par ${periode} (${premiere.colonne} « ${premiere.entete} » à ${derniere.colonne} ` +
      `« ${derniere.entete} ») répartissent`
    : `la colonne par ${periode} (${premiere.colonne} « ${premiere.entete} ») répartit`;
  const lue = lu.mont
    ? `la colonne ${lu.mont.colonne} « ${lu.mont.entete} »`
    : lu.colonne
      ? `la colonne ${lu.colonne}`
      : "la colonne des montants";
  let detail = "";
  if (s && s.lignes > 0) {
    const jours = s.enQuantite ?? 0;
    const faux = s.lignes - s.prouvees - jours;
    const prouvees =
      s.prouvees === s.lignes
        ? s.lignes > 1
          ? ` Sur chacune des ${s.lignes} lignes, ${les} font le montant lu, au centime.`
          : ` Sur la ligne, ${les} font le montant lu, au centime.`
        : s.prouvees > 0
          ? ` Sur ${s.prouvees} des ${s.lignes} lignes, ${les} font le montant lu, au centime.`
          : "";
    const cites =
      s.cellules.slice(0, 6).join(", ") + (s.cellules.length > 6 ? ` (${s.cellules.length} cellules en tout)` : "");
    const uneSeule = s.cellules.length === 1;
    // The sum in the unit proven row by row: never « € » for days, no unit when unknown.
    const nombre = decimalFr(centsToDecimal(s.somme).toFixed());
    const somme =
      s.unite === "jours"
        ? `${nombre}\u00a0${new Decimal(s.somme).gte(200) ? "jours" : "jour"}`
        : s.unite === null
          ? nombre
          : formatMontantFr(s.somme);
    const niQuantite = jours > 0 ? "ni le montant lu ni la quantité de la ligne" : "pas le montant lu";
    const nonProuvees =
      faux === 0
        ? ""
        : ` Sur ${faux > 1 ? `${faux} lignes` : "1 ligne"}, ${les} ne font ${niQuantite} : ` +
          `${cites} (${uneSeule ? "" : "somme "}${somme}) ` +
          `${uneSeule ? "n'est pas comptée" : "ne sont pas comptées"} ; c'est le montant lu qui est compté.`;
    const enQuantite =
      jours === 0
        ? ""
        : ` Sur ${jours > 1 ? `${jours} lignes` : "1 ligne"}, ${les} font la quantité de la ligne : ` +
          `elles comptent des ${s.unite === "jours" ? "jours" : "jours ou des unités"}, pas des euros.`;
    detail = prouvees + enQuantite + nonProuvees;
  }
  return {
    regle: "colonnes-lues",
    gravite: "info" as const,
    message:
      `${premiere.cellule} : ${quelles} le montant de chaque ligne : ` +
      `${plusieurs ? "elles ne sont pas lues comme des montants" : "elle n'est pas lue comme un montant"}, ` +
      `${lue} est lue.${detail}`,
    cellule: premiere.cellule,
  };
}

/**
 * Two blocks side by side: the header repeats its block further right on the same row. Only the first block is
 * read; the second block's amounts are named with their cells and sum, never counted. An alerte: they are money the
 * devis does not hold.
 */
function secondBloc(c: ColonneNonLue) {
  const b = c.bloc;
  const cols = b ? `colonnes ${b.debut} à ${b.fin}` : `colonne ${c.colonne}`;
  const cellules = !b?.premiere
    ? ""
    : b.cellules > 1
      ? `${b.cellules} cellules, ${b.premiere} à ${b.derniere}, `
      : `${b.premiere}, `;
  const premier = b
    ? ` ; seul le premier bloc (colonnes ${b.premier.debut} à ${b.premier.fin}) est lu comme le devis`
    : "";
  const r = c.recapitulatif;
  const debut =
    `${c.cellule} : un second bloc (${cols}) ` +
    (b?.autreEntete
      ? `a son propre en-tête, à droite de celui du devis sur la même ligne : il n'est pas lu ; `
      : `répète l'en-tête du devis sur la même ligne : il n'est pas lu ; `) +
    `ses montants (colonne ${c.colonne} « ${c.entete} », ${cellules}somme ${formatMontantFr(c.somme)}) ne sont ` +
    `pas comptés${premier}.`;
  if (r) {
    const chapitres =
      (r.chapitres > 1 ? `ses ${r.chapitres} montants de chapitre` : "son montant de chapitre") +
      (r.sousChapitres ? ` (ses ${r.sousChapitres} sous-chapitres additionnés par chapitre)` : "");
    if (!r.ecarts.length)
      return {
        regle: "colonnes-lues",
        gravite: "info" as const,
        message:
          `${debut} Récapitulatif conforme aux totaux des chapitres : ${chapitres} ` +
          `${r.chapitres > 1 ? "sont" : "est"}, au centime, ${r.chapitres > 1 ? "ceux" : "celui"} du devis` +
          `${r.total ? ", et son total le total du devis" : ""}.`,
        cellule: c.cellule,
      };
    const ecarts = r.ecarts.map(ecartRecapEnMots).join(" ; ");
    const n = r.ecarts.length;
    return {
      regle: "colonnes-lues",
      gravite: "alerte" as const,
      message:
        `${debut} Récapitulatif des chapitres : ${n > 1 ? `${n} montants diffèrent` : "un montant diffère"} des ` +
        `totaux du devis (${ecarts}). Vérifiez ${n > 1 ? "ces cellules" : "cette cellule"} : ce sont les lignes du ` +
        `devis qui sont comptées.`,
      cellule: c.cellule,
    };
  }
  return {
    regle: "colonnes-lues",
    gravite: "alerte" as const,
    message: `${debut} Mettez les deux blocs l'un sous l'autre pour qu'ils soient lus.`,
    cellule: c.cellule,
  };
}

/**
 * Columns of figures that are not the devis (réalisé, écart, per episode): the column read and each of them named
 * with its sum. Per-episode columns that do not add up, line by line, to the amount read: an alerte naming the lines.
 */
function colonnesNonLues(
  lu: { mont?: ColonneNommee; colonne?: string; episodes?: EpisodesNonProuves },
  autres: readonly ColonneNonLue[],
) {
  const mont = lu.mont;
  const lue = mont
    ? `la colonne ${mont.colonne} « ${mont.entete} »`
    : lu.colonne
      ? `la colonne ${lu.colonne}`
      : "la colonne des montants";
  const cellule = mont?.cellule ?? autres[0].cellule;
  const noms = autres
    .map((c) => `${c.colonne} « ${c.entete} » (${c.cellule}, somme ${formatMontantFr(c.somme)}) : ${NON_LUE[c.nature]}`)
    .join(" ; ");
  const e = lu.episodes;
  let episodes = "";
  let gravite: "info" | "alerte" = "info";
  if (e && e.lignes > 0) {
    if (e.cellules.length === 0)
      episodes =
        e.lignes > 1
          ? ` Sur chacune des ${e.lignes} lignes, les épisodes font le montant lu.`
          : " Sur la ligne, les épisodes font le montant lu.";
    else {
      gravite = "alerte";
      const cites =
        e.cellules.slice(0, 6).join(", ") + (e.cellules.length > 6 ? ` (${e.cellules.length} en tout)` : "");
      episodes =
        ` Sur ${e.cellules.length} des ${e.lignes} lignes, la somme des épisodes ne fait pas le montant lu (${cites}) : ` +
        "vérifiez ces lignes, c'est le montant lu qui est compté.";
    }
  }
  return {
    regle: "colonnes-lues",
    gravite,
    message:
      `${cellule} : ${lue} est lue comme le montant du devis. ` +
      `${autres.length > 1 ? "Ne sont pas comptées" : "N'est pas comptée"} : ${noms}.${episodes}`,
    cellule,
  };
}

/**
 * A column of the table no role reads (« Observations », « Budget N-1 », no header) holding numbers: how many and
 * their sum, on its header cell; an alerte when the header speaks of money, else an info. Never counted.
 */
function nombresNonLus(h: NombresHorsColonne) {
  const n = h.nombres;
  if (h.cellules) {
    const liste = h.cellules
      .slice(0, 6)
      .map((x) => `${x.cellule} (${formatMontantFr(x.montant)})`)
      .join(", ");
    const p = h.totauxProuves ?? 0;
    return {
      regle: "colonnes-lues",
      gravite: "alerte" as const,
      message:
        `${h.cellule} : la colonne ${h.colonne} « ${h.entete} » n'est pas lue` +
        (p
          ? ` ; ${p > 1 ? `${p} de ses montants sont des totaux prouvés` : "un de ses montants est un total prouvé"}`
          : "") +
        (p ? " par les lignes lues" : "") +
        `, mais ${n > 1 ? `${n} montants n'en sont pas` : "un montant n'en est pas"} (${formatMontantFr(h.total)}` +
        `${n > 1 ? " au total" : ""}) : ${liste}${n > 6 ? `, … (${n} en tout)` : ""}. ` +
        (n > 1
          ? "Ils ne sont pas comptés dans le devis : si ce sont des dépenses (charges sociales « Fringes », par exemple), " +
            "mettez-les dans la colonne des montants, puis relancez."
          : "Il n'est pas compté dans le devis : si c'est une dépense (charges sociales « Fringes », par exemple), " +
            "mettez-la dans la colonne des montants, puis relancez."),
      cellule: h.cellule,
    };
  }
  if (h.listees?.length) {
    // No header says what they are: maybe amounts typed one column off. Each cell named, listed in the conservation.
    const liste = h.listees
      .slice(0, 6)
      .map((x) => `${x.cellule.replace(/^.*!/, "")} (${formatMontantFr(x.montant)})`)
      .join(", ");
    return {
      regle: "colonnes-lues",
      gravite: "alerte" as const,
      message:
        `${h.listees[0].cellule} : la colonne ${h.colonne}, sans en-tête, tient ` +
        `${n > 1 ? `${n} nombres` : "un nombre"} hors des colonnes du devis (${formatMontantFr(h.total)}` +
        `${n > 1 ? " au total" : ""}) : ${liste}${n > 6 ? `, … (${n} en tout)` : ""}. ` +
        (n > 1
          ? "Ils sont listés dans les montants lus, mais ne sont pas comptés dans le total du devis : si ce sont des " +
            "montants du devis, mettez-les dans la colonne des montants, sur leur ligne, puis relancez."
          : "Il est listé dans les montants lus, mais n'est pas compté dans le total du devis : si c'est un montant " +
            "du devis, mettez-le dans la colonne des montants, sur sa ligne, puis relancez.") +
        datesDeMarge(h.dates ?? []),
      cellule: h.listees[0].cellule,
    };
  }
  const quoi = h.entete ? `la colonne ${h.colonne} « ${h.entete} »` : `la colonne ${h.colonne}, sans en-tête,`;
  // A header that does not speak of money (« Semaine », « Observations »): its figures are not said in euros.
  const somme =
    h.argent || !h.entete
      ? `${formatMontantFr(h.total)}${n > 1 ? " au total" : ""}`
      : `${n > 1 ? "somme " : ""}${decimalFr(centsToDecimal(h.total).toFixed())}`;
  return {
    regle: "colonnes-lues",
    gravite: h.argent ? ("alerte" as const) : ("info" as const),
    message:
      `${h.cellule} : ${quoi} tient ${n > 1 ? `${n} nombres non lus` : "un nombre non lu"} ` +
      `(${somme}) : elle n'est pas une colonne du devis reconnue, ` +
      `${n > 1 ? "ils ne sont pas comptés" : "il n'est pas compté"}. ` +
      (n > 1
        ? "Si ce sont des montants du devis, mettez-les dans la colonne des montants, puis relancez."
        : "Si c'est un montant du devis, mettez-le dans la colonne des montants, puis relancez."),
    cellule: h.cellule,
  };
}

/** The dates beside a margin's amounts (« Elle tient aussi une date (F12, 15/04/2025) … »), or nothing. */
function datesDeMarge(dates: readonly { cellule: string; valeur: string }[]): string {
  if (!dates.length) return "";
  const k = dates.length;
  const liste = dates
    .slice(0, 6)
    .map((d) => `${d.cellule.replace(/^.*!/, "")}, ${valeurEnMots({ valeur: d.valeur, unite: "date" })}`)
    .join(" ; ");
  return (
    ` Elle tient aussi ${k > 1 ? `${k} dates` : "une date"} (${liste}${k > 6 ? " ; …" : ""}) : ` +
    `${k > 1 ? "listées, ni lues en euros ni comptées" : "listée, ni lue en euros ni comptée"} ; ` +
    `si c'est un montant mis en forme de date, écrivez-le en euros dans la colonne des montants, puis relancez.`
  );
}

/**
 * Columns the import chose rather than read from a header: the amount column among several (« Montant TTC |
 * Montant TVA | Montant HT »), the labels of an unheaded column. Said with their cells, never silent.
 */
export const colonnesLues: Regle<ContexteDevis> = {
  id: "colonnes-lues",
  description:
    "Quand l'en-tête a plusieurs colonnes de montant (HT, TVA, TTC, deux « Montant », des versions) ou que les " +
    "libellés n'ont pas d'en-tête, la colonne lue et celles écartées sont nommées, avec leurs sommes.",
  verifier({ devis }) {
    const out = [];
    // The first table's amount columns, then those of each table stacked lower, chosen and named table by table.
    for (const m of [devis.colonneMontant, ...(devis.entetesSuivants ?? []).map((e) => e.colonneMontant)]) {
      if (!m) continue;
      const ht = htNonProuve(m);
      if (m.choix && m.choix !== "taxes") {
        if (m.choix !== "seule" || m.ecartees.some((e) => e.somme)) out.push(colonnesPareilles(m));
        if (ht) out.push(ht);
      } else if (m.retenue.nature === "ttc") out.push(montantsTTC(m));
      else if (ht) out.push(ht);
      else {
        const r = m.retenue;
        const autres = m.ecartees.map((e) => `« ${e.entete} » (${e.colonne})`).join(", ");
        out.push({
          regle: "colonnes-lues",
          gravite: "info" as const,
          message:
            `${r.cellule} : plusieurs colonnes de montant ; la colonne ${r.colonne} « ${r.entete} » est ` +
            `lue${NATURE[r.nature]}. ${autres} ${m.ecartees.length > 1 ? "ne sont pas comptées" : "n'est pas comptée"}` +
            " : la TVA et le TTC se déduisent du hors taxes.",
          cellule: r.cellule,
        });
      }
    }
    const nonLues = devis.colonnesNonLues ?? [];
    const autres = nonLues.filter((c) => c.nature !== "secondBloc" && c.nature !== "semaine" && c.nature !== "mois");
    const mois = nonLues.filter((c) => c.nature === "mois");
    const semaines = nonLues.filter((c) => c.nature === "semaine");
    const montant = { mont: devis.colonneMontant?.retenue ?? devis.colonneLue, colonne: devis.conservation?.colonne };
    if (semaines.length) out.push(semainesVues(montant, semaines, devis.semaines));
    if (mois.length) out.push(semainesVues(montant, mois, devis.mois, "mois"));
    if (autres.length)
      out.push(
        colonnesNonLues(
          {
            mont: devis.colonneMontant?.retenue ?? devis.colonneLue,
            colonne: devis.conservation?.colonne,
            episodes: devis.episodes,
          },
          autres,
        ),
      );
    // A table stacked lower: its own columns of réalisé, écart or episodes, beside its own amount column.
    for (const t of devis.entetesSuivants ?? []) {
      const mont = t.colonneMontant?.retenue ?? t.montant;
      const sems = (t.colonnesNonLues ?? []).filter((c) => c.nature === "semaine");
      const mois = (t.colonnesNonLues ?? []).filter((c) => c.nature === "mois");
      const reste = (t.colonnesNonLues ?? []).filter((c) => c.nature !== "semaine" && c.nature !== "mois");
      if (sems.length) out.push(semainesVues({ mont, colonne: t.montant?.colonne }, sems, t.semaines));
      if (mois.length) out.push(semainesVues({ mont, colonne: t.montant?.colonne }, mois, t.mois, "mois"));
      if (reste.length) out.push(colonnesNonLues({ mont, colonne: t.montant?.colonne, episodes: t.episodes }, reste));
    }
    for (const c of nonLues) if (c.nature === "secondBloc") out.push(secondBloc(c));
    const constat = (gravite: "alerte" | "info", cellule: string, message: string) =>
      out.push({ regle: "colonnes-lues", gravite, message: `${cellule} : ${message}`, cellule });
    for (const h of devis.horsTableau ?? [])
      constat(
        "alerte",
        h.premiere,
        `la colonne ${h.colonne}, à droite du tableau du devis et sous aucun de ses en-têtes, tient des montants ` +
          `(${h.cellules > 1 ? `${h.cellules} cellules, ${h.premiere} à ${h.derniere}` : h.premiere}, somme ` +
          `${formatMontantFr(h.somme)}) : ils ne sont pas lus comme le devis. S'ils en font partie, mettez-les dans le ` +
          `tableau, sous son en-tête, puis relancez.`,
      );
    // A margin column holding only Excel errors: each named by montant-illisible.
    for (const h of devis.conservation?.horsColonnes ?? [])
      if (!h.listees || h.listees.length) out.push(nombresNonLus(h));
    const cm = devis.colonneMontantMasquee;
    if (cm)
      constat(
        "alerte",
        cm.cellule,
        `la colonne ${cm.colonne} « ${cm.entete} », lue comme le montant du devis, est masquée dans la feuille : les ` +
          `lignes lues dans cette colonne (somme ${formatMontantFr(cm.somme)}) sont comptées sans être visibles. ` +
          `Affichez-la pour les vérifier.`,
      );
    for (const l of [devis.colonneLibelles, ...(devis.entetesSuivants ?? []).map((e) => e.colonneLibelles)]) {
      if (!l) continue;
      constat(
        "info",
        l.aGaucheDe.cellule,
        `l'en-tête ne nomme pas la colonne des libellés ; ils sont lus dans la colonne ${l.colonne}, sans en-tête, ` +
          `à gauche de « ${l.aGaucheDe.entete} ».`,
      );
    }
    return out;
  },
};
