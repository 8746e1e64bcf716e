import Decimal from "decimal.js";
import { centsToDecimal } from "../money/cents";
import { sourceLigne, type LigneDevis } from "../devis/model";
import { chapitreDuRole, estSousLeTotal } from "../devis/nomenclature";
import { normaliser } from "../util/texte";
import { conversionPour, type JeuFacteurs } from "./facteurs";
import type { Activite, CodeCategorie } from "./modele";

/** A devis line outside the calculators' activity data (pay, rights, social charges, overheads) or not recognised. */
export interface LigneHorsBilan {
  ligne: LigneDevis;
  motif: "personnel" | "droits" | "frais" | "non-classee";
}

export type Classement = { activite: Activite } | { hors: LigneHorsBilan };

const MOTS = {
  train: /\b(trains?|tgv|ter|intercites?|sncf|ouigo|eurostar|thalys)\b/,
  avion: /\b(avions?|vols?|aeriens?|aerienne|billets? d'avion)\b/,
  ferry: /\b(ferry|ferries|bateaux?|traversees?|navettes? maritimes?)\b/,
  taxi: /\b(taxis?|vtc)\b/,
  camion: /\b(camions?|poids lourds?)\b/,
  utilitaire: /\b(utilitaires?|fourgons?|fourgonnettes?|camionnettes?|vans?|vul)\b/,
  voiture: /\b(voitures?|vehicules?|minibus|navettes?)\b/,
  carburant: /\b(carburants?|gasoil|gazole|essence|diesel|gnr)\b/,
  groupe: /\b(groupes? electrogenes?|generateurs?)\b/,
  electricite: /\b(electricite|kwh|branchements? electriques?)\b/,
  hebergement: /\b(hebergements?|hotels?|nuitees?|logements?|chambres?|gites?|airbnb)\b/,
  repas: /\b(repas|catering|cantines?|restauration|per diem|paniers?|dejeuners?|diners?|traiteurs?)\b/,
  regie: /\bregie\b/,
  camera: /\b(cameras?|optiques?|objectifs?|steadicam)\b/,
  drone: /\bdrones?\b/,
  lumiere: /\b(lumieres?|eclairages?|projecteurs?|electros?)\b/,
  machinerie: /\b(machinerie|grip|travellings?|dolly|grues?)\b/,
  son: /\b(son|micros?|kit hf|hf|enregistreurs?)\b/,
  electronique: /\b(cartes?( memoire| sd)?|disques?( durs?)?|ssd|batteries)\b/,
  decors: /\b(decors?|accessoires?|costumes?|habillement|maquillage|coiffure)\b/,
  mobilier: /\bmobilier\b/,
  papier: /\b(papeterie|fournitures de bureau|impressions?)\b/,
  postprod:
    /\b(montage|etalonnage|mixage|auditorium|sous-titrage|sous titrage|pad|laboratoire|vfx|conformation|doublage)\b/,
  assurance: /\bassurances?\b/,
  conseil: /\b(comptables?|expert-comptable|juridiques?|avocats?|commissaires? aux comptes|honoraires)\b/,
};

type Famille = "transport" | "hebergement" | "repas" | "carburant" | "groupe" | "electricite";

const LIBELLES_FAMILLE: Record<Famille, string> = {
  transport: "transport",
  hebergement: "hébergement",
  repas: "repas",
  carburant: "carburant",
  groupe: "groupe électrogène",
  electricite: "électricité",
};

const POSTES_TRANSPORT: Record<string, { poste: string; facteur: string; unite: string }> = {
  train: { poste: "Train", facteur: "train-tgv", unite: "passager.km" },
  avion: { poste: "Avion", facteur: "avion-500-1000km", unite: "passager.km" },
  ferry: { poste: "Ferry", facteur: "ferry", unite: "passager.km" },
  taxi: { poste: "Taxi", facteur: "voiture", unite: "km" },
  utilitaire: { poste: "Véhicule utilitaire", facteur: "utilitaire", unite: "km" },
  camion: { poste: "Camion", facteur: "camion-porteur", unite: "t.km" },
  voiture: { poste: "Voiture", facteur: "voiture", unite: "km" },
};

/** ADEME's flight bands (passager.km factors), by the distance of one flight read in the label. */
function trancheAvion(km: Decimal): { facteur: string; libelle: string } {
  if (km.lt(500)) return { facteur: "avion-moins-500km", libelle: "moins de 500 km" };
  if (km.lte(1000)) return { facteur: "avion-500-1000km", libelle: "500 à 1 000 km" };
  if (km.lte(2000)) return { facteur: "avion-1000-2000km", libelle: "1 000 à 2 000 km" };
  if (km.lte(5000)) return { facteur: "avion-2000-5000km", libelle: "2 000 à 5 000 km" };
  return { facteur: "avion-plus-5000km", libelle: "plus de 5 000 km" };
}

/** Families named in the label, in order of appearance (« Ferry … et hébergement » gives transport then hébergement). */
function familles(s: string): Famille[] {
  const trouvees: { f: Famille; i: number }[] = [];
  const chercher = (f: Famille, re: RegExp) => {
    const m = re.exec(s);
    if (m && !trouvees.some((t) => t.f === f)) trouvees.push({ f, i: m.index });
  };
  for (const mode of Object.keys(POSTES_TRANSPORT)) chercher("transport", MOTS[mode as keyof typeof MOTS]);
  chercher("hebergement", MOTS.hebergement);
  chercher("repas", MOTS.repas);
  chercher("carburant", MOTS.carburant);
  chercher("groupe", MOTS.groupe);
  chercher("electricite", MOTS.electricite);
  // « Location véhicule utilitaire » is transport, « carburant » of a vehicle is energy.
  let f = trouvees.sort((a, b) => a.i - b.i).map((t) => t.f);
  // The generator's fuel (« Gasoil groupe électrogène ») is the generator line: its litres, one poste.
  if (f.includes("carburant") && f.includes("groupe")) f = f.filter((x) => x !== "carburant");
  // The fuel of the vehicles (« Essence véhicules ») is energy; a rental with its fuel stays two postes.
  if (f.includes("carburant") && !/\blocations?\b/.test(s) && MOTS_ROUTE.test(s) && !autreMode(s))
    f = f.filter((x) => x !== "transport");
  return f;
}

/** Road vehicles whose fuel the devis may budget on its own line. */
const MOTS_ROUTE = /\b(voitures?|vehicules?|utilitaires?|camions?|camionnettes?|fourgons?|vans?|minibus)\b/;
/** A transport mode other than a road vehicle is named (a train, a flight, a ferry, a taxi). */
const autreMode = (s: string) => ["train", "avion", "ferry", "taxi"].some((m) => MOTS[m as keyof typeof MOTS].test(s));

function modeTransport(s: string): keyof typeof POSTES_TRANSPORT {
  const modes = Object.keys(POSTES_TRANSPORT).filter((m) => MOTS[m as keyof typeof MOTS].test(s));
  return (modes[0] ?? "voiture") as keyof typeof POSTES_TRANSPORT;
}

/** quantité × nombre as read, with its live formula over the producer's cells. */
function produit(l: LigneDevis, facteur = new Decimal(1)): { quantite: string; formule?: string } | undefined {
  if (l.quantite === undefined) return undefined;
  const q = new Decimal(l.quantite).times(l.nombre ?? 1).times(facteur);
  const c = l.source.cellules;
  const termes = [c.quantite, l.nombre !== undefined ? c.nombre : undefined].filter((x): x is string => !!x);
  if (!c.quantite) return { quantite: q.toFixed() };
  const suffixe = facteur.eq(1) ? "" : `*${facteur.toFixed()}`;
  return { quantite: q.toFixed(), formule: termes.join("*") + suffixe };
}

const UNITES = {
  km: /^(km|kms|kilometres?)$/,
  tkm: /^(t\.? ?km|tkm|tonnes?[ .-]?km)$/,
  nuit: /^(nuits?|nuitees?|nights?)$/,
  repas: /^(repas|couverts?|paniers?)$/,
  jour: /^(j|jrs?|jours?|journees?|days?)$/,
  litre: /^(l|litres?)$/,
  kwh: /^kwh$/,
};

/** A word of a unit or label saying weeks (« sem. », « forfait semaine », « hebdo »), or months. */
const MOT_SEMAINE = /(?<![a-z])(semaines?|sem\.?|weeks?|hebdo(?:madaire)?)(?![a-z])/;
const MOT_MOIS = /(?<![a-z])(mois|mensuel(?:le)?|months?)(?![a-z])/;
/** « 3 semaines », « 2,5 sem. », « 1 mois » in a label: how many per unit of the line. */
const DUREE_LIBELLE = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(semaines?|sem\.?|mois)(?![a-z])/;

interface Duree {
  de: "semaine" | "mois";
  /** Weeks (months) per unit of quantité × nombre: 1 when the unit says it, the label's count otherwise. */
  parUnite: Decimal;
  /** The label's words (« 3 semaines »), when the count was read there. */
  libelle?: string;
}

/**
 * Does the line count weeks or months? The unit first (« semaine », « sem. », « forfait semaine », « mois »); a unit in
 * days wins over the label; else the label (« Location caméra 3 semaines », « forfait semaine »).
 */
function duree(s: string, u: string): Duree | undefined {
  if (UNITES.jour.test(u)) return undefined;
  if (MOT_SEMAINE.test(u)) return { de: "semaine", parUnite: new Decimal(1) };
  if (MOT_MOIS.test(u)) return { de: "mois", parUnite: new Decimal(1) };
  const m = DUREE_LIBELLE.exec(s);
  if (m)
    return {
      de: m[2] === "mois" ? "mois" : "semaine",
      parUnite: new Decimal(m[1].replace(",", ".")),
      libelle: m[0],
    };
  if (MOT_SEMAINE.test(s)) return { de: "semaine", parUnite: new Decimal(1) };
  if (MOT_MOIS.test(s)) return { de: "mois", parUnite: new Decimal(1) };
  return undefined;
}

const fr = (d: Decimal) => d.toFixed().replace(".", ",");
const accord = (d: Decimal, un: string, plusieurs: string) => `${fr(d)} ${d.gte(2) ? plusieurs : un}`;

/**
 * Weeks or months into the days of use the calculators count, by the table's dated convention (« semaine de
 * location = 5 jours », confidence L) or the Paramètres override: the quantity becomes days (live formula × days per
 * unit), and the row says what was read and how it was converted, so that the user can correct it.
 */
function enJours(l: LigneDevis, a: Activite, d: Duree, jeu: JeuFacteurs, manque: string): Activite {
  const conv = conversionPour(jeu, d.de, a.categorie);
  // Without a conversion in the table, the weeks (months) stay as read.
  a.unite = conv ? "jour" : d.de;
  const p = produit(l, conv ? new Decimal(conv.valeur).times(d.parUnite) : d.parUnite);
  if (!p) {
    if (manque) a.manqueQuantite = `${manque}${lue(l)}.`;
    return a;
  }
  a.quantite = p.quantite;
  a.formuleQuantite = p.formule;
  if (!conv) return a;
  const lues = new Decimal(l.quantite!).times(l.nombre ?? 1).times(d.parUnite);
  a.conversion = {
    code: conv.code,
    quantite: lues.toFixed(),
    unite: d.de,
    jours: conv.valeur,
    confiance: conv.confiance,
    ...(conv.surcharge ? { surcharge: conv.surcharge } : {}),
    ...(conv.plan ? { plan: conv.plan } : {}),
  };
  const unite = (n: Decimal) => (d.de === "semaine" ? accord(n, "semaine", "semaines") : `${fr(n)} mois`);
  const q = new Decimal(l.quantite!).times(l.nombre ?? 1);
  const cellules = refsLues(l);
  const origine = d.libelle
    ? ` (« ${d.libelle} » du libellé × ${fr(q)}${cellules ? `, ${cellules}` : ""})`
    : cellules
      ? ` (${cellules})`
      : "";
  // A shooting week the plan de travail cannot give (its weeks differ) is said, with the plan's weeks.
  const planSansRythme =
    d.de === "semaine" && a.categorie === "materiel" && jeu.plan && !jeu.plan.conversion && !conv.surcharge
      ? ` ; le plan de travail « ${jeu.plan.feuille} » ne compte pas le même nombre de jours chaque semaine, ` +
        `${jeu.plan.semaines}`
      : "";
  const regle = conv.surcharge
    ? `valeur saisie en ${conv.surcharge}`
    : conv.plan && jeu.plan
      ? `jours de tournage par semaine au plan de travail « ${conv.plan} », ${jeu.plan.semaines}, à vérifier`
      : `convention du ${conv.fixeLe}, confiance ${conv.confiance}${conv.confiance === "H" ? "" : ", à vérifier"}` +
        planSansRythme;
  a.notes.push(
    `${unite(lues)}${origine} × ${fr(new Decimal(conv.valeur))} j = ${accord(new Decimal(p.quantite), "jour", "jours")} ` +
      `d'utilisation (${d.de === "semaine" ? "une semaine" : "un mois"} = ${fr(new Decimal(conv.valeur))} jours : ` +
      `${regle} ; corrigez la quantité retenue, ou la clé carbone.${conv.code} de la feuille « Paramètres »).`,
  );
  return a;
}

function base(l: LigneDevis, categorie: CodeCategorie, poste: string, facteur: string, unite: string): Activite {
  return {
    id: `devis:${l.id}`,
    origine: "devis",
    cellule: sourceLigne(l, ["libelle", "montant"]),
    libelle: l.libelle,
    categorie,
    poste,
    chapitre: l.chapitre,
    unite,
    montant: l.montant,
    celluleMontant: l.source.cellules.montant,
    facteur,
    codeLigne: l.code,
    manques: [],
    notes: [],
  };
}

/** The quantity's cells, without their sheet: « C45 × E45 ». */
function refsLues(l: LigneDevis): string {
  return [l.source.cellules.quantite, l.nombre !== undefined ? l.source.cellules.nombre : undefined]
    .filter(Boolean)
    .map((r) => r!.replace(/^.*!/, ""))
    .join(" × ");
}

/** Units written short, which take no plural mark (« 930 km », « 24 A/R » has a slash and is left as it is too). */
const ABREVIATIONS = /^(km|kwh|mwh|kg|ht|ttc|min|mn|sem|pce|pcs|ens|fft|ff)$/;

/**
 * The devis's unit after a count: a French word agrees with it (« 3 semaines », « 2 forfaits », « 1 jour »), an
 * abbreviation, a word already ending in s, x or z (« mois ») or anything else than letters (« A/R ») stays as written.
 */
function uniteAccordee(q: Decimal, unite: string): string {
  const mot = /^\p{L}{3,}$/u.test(unite) && !/[sxz]$/i.test(unite) && !ABREVIATIONS.test(normaliser(unite));
  return mot && q.gte(2) ? `${unite}s` : unite;
}

/** What the devis says of the line's quantity: « 3 semaines (C44 × E44) », « 2,5 jours », « aucune quantité ». */
/** What the devis line gives instead, after a dash: « — 3 semaines, C44 × E44 » (never parentheses in parentheses). */
function lue(l: LigneDevis): string {
  if (l.quantite === undefined) return " — aucune quantité";
  const q = new Decimal(l.quantite).times(l.nombre ?? 1);
  const refs = refsLues(l);
  return ` — ${`${fr(q)} ${uniteAccordee(q, l.unite ?? "")}`.trim()}${refs ? `, ${refs}` : ""}`;
}

/** The Base Carbone's rigid trucks (kg CO₂e per t.km), by PTAC class: upper bound in tonnes. */
const CLASSES_CAMION: { max: number; facteur: string; libelle: string }[] = [
  { max: 7.5, facteur: "camion-rigide-3-5-7-5t", libelle: "3,5 à 7,5 t" },
  { max: 12, facteur: "camion-rigide-7-5-12t", libelle: "7,5 à 12 t" },
  { max: 20, facteur: "camion-rigide-12-20t", libelle: "12 à 20 t" },
  { max: 26, facteur: "camion-rigide-20-26t", libelle: "20 à 26 t" },
  { max: 32, facteur: "camion-rigide-26-32t", libelle: "26 à 32 t" },
];
/**
 * « Camion 19 t », « porteur de 7,5 tonnes », « PTAC 3,5t »: the PTAC right after the vehicle's word (« 2 tonnes de
 * décors » elsewhere in the label is a load, not read; nor « 12 m3 », nor « t.km »).
 */
const PTAC = /\b(?:camions?|porteurs?|poids lourds?|ptac)(?: de)? (\d{1,2}(?:[.,]\d+)?) ?(?:t|tonnes?)(?![a-z\d.])/;

/**
 * A truck: the Base Carbone counts rigid trucks per tonne.km of freight, by PTAC class. The class follows the PTAC
 * read in the label (up to 3,5 t it is a light van, per km); without it the factor stays « camion-porteur » (missing),
 * never a guessed class. The quantity is read only in t.km: km alone lack the load, which the finding asks for.
 */
function camion(l: LigneDevis, s: string, u: string): Activite | undefined {
  const m = PTAC.exec(s);
  const ptac = m ? new Decimal(m[1].replace(",", ".")) : undefined;
  if (ptac?.lte(3.5)) return undefined;
  const classe = ptac ? CLASSES_CAMION.find((c) => ptac.lte(c.max)) : undefined;
  const a = base(l, "transport", "Camion", classe?.facteur ?? "camion-porteur", "t.km");
  if (classe)
    a.notes.push(`PTAC de ${m![1]} t lu dans le libellé : camion rigide ${classe.libelle} (code du facteur).`);
  else if (ptac) a.notes.push(`PTAC de ${m![1]} t lu dans le libellé : au-delà des camions rigides de la table.`);
  const p = UNITES.tkm.test(u) ? produit(l) : undefined;
  if (p) {
    a.quantite = p.quantite;
    a.formuleQuantite = p.formule;
  } else a.manqueQuantite = `Tonnes.km à indiquer : tonnes transportées × km parcourus${lue(l)}.`;
  return a;
}

function transport(l: LigneDevis, s: string, u: string): Activite {
  const mode = modeTransport(s);
  if (mode === "camion") {
    const c = camion(l, s, u);
    if (c) return c;
  }
  const t = POSTES_TRANSPORT[mode === "camion" ? "utilitaire" : mode];
  const a = base(l, "transport", t.poste, t.facteur, t.unite);
  // « 930 km », « 1 200 km » (French thousands grouping), « 12,5 km ».
  const km = /(?<![\d.,])(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?\s*km\b/.exec(s);
  const distance = km ? new Decimal(km[1].replace(/ /g, "") + (km[2] ? `.${km[2]}` : "")) : undefined;
  const p = UNITES.km.test(u) ? produit(l) : distance ? produit(l, distance) : undefined;
  if (p) {
    a.quantite = p.quantite;
    a.formuleQuantite = p.formule;
    if (km && !UNITES.km.test(u))
      a.notes.push(
        `Distance de ${km[1]}${km[2] ? `,${km[2]}` : ""} km lue dans le libellé : vérifiez qu'elle couvre l'aller et le retour.`,
      );
  } else a.manqueQuantite = `Distance manquante : indiquez les ${t.unite}${lue(l)}.`;
  if (t.poste === "Train" && !/\b(ter|intercites?)\b/.test(s))
    a.notes.push("Type de train non précisé : TGV retenu, changez le code du facteur si TER ou Intercités.");
  if (t.poste === "Train" && /\bter\b/.test(s)) a.facteur = "train-ter";
  if (t.poste === "Train" && /\bintercites?\b/.test(s)) a.facteur = "train-intercites";
  if (t.poste === "Avion" && distance) {
    const tranche = trancheAvion(distance);
    a.facteur = tranche.facteur;
    a.notes.push(
      `Tranche « ${tranche.libelle} » retenue d'après la distance lue : si elle compte l'aller et le retour, ` +
        `prenez la tranche d'un seul vol (code du facteur).`,
    );
  } else if (t.poste === "Avion") a.notes.push("Tranche de distance de l'avion à confirmer (code du facteur).");
  if (t.poste === "Taxi") a.notes.push("Taxi compté comme une voiture (km parcourus par le véhicule).");
  if (mode === "camion")
    a.notes.push("PTAC de 3,5 t au plus lu dans le libellé : compté comme un véhicule utilitaire léger.");
  return a;
}

function parUnite(l: LigneDevis, a: Activite, re: RegExp, manque: string): Activite {
  const p = re.test(normaliser(l.unite ?? "")) ? produit(l) : undefined;
  if (p) {
    a.quantite = p.quantite;
    a.formuleQuantite = p.formule;
  } else if (manque) a.manqueQuantite = `${manque}${lue(l)}.`;
  return a;
}

function enEuros(a: Activite, l: LigneDevis): Activite {
  a.quantite = centsToDecimal(l.montant).toFixed();
  a.formuleQuantite = l.source.cellules.montant;
  return a;
}

/** Which calculator activity a devis line is, or why it is outside the bilan. */
export function classerLigne(l: LigneDevis, jeu: JeuFacteurs): Classement {
  const s = normaliser(l.libelle);
  const u = normaliser(l.unite ?? "");
  const hors = (motif: LigneHorsBilan["motif"]): Classement => ({ hors: { ligne: l, motif } });
  if (estSousLeTotal(l.chapitre)) return hors("frais");
  if (l.chapitre === chapitreDuRole("droits")) return hors("droits");
  if (
    l.categorie?.startsWith("salaire") ||
    l.categorie === "charges-sociales" ||
    l.chapitre === chapitreDuRole("charges-sociales")
  )
    return hors("personnel");
  const f = familles(s);
  const avec = (a: Activite): Classement => {
    if (f.length > 1)
      a.manques.unshift(
        `Ligne mixte (${f.map((x) => LIBELLES_FAMILLE[x]).join(" et ")}) : le montant couvre plusieurs postes, ` +
          `séparez-les dans le devis.`,
      );
    return { activite: a };
  };
  switch (f[0]) {
    case "transport":
      return avec(transport(l, s, u));
    case "hebergement": {
      // By the night when the devis counts nights and a per-night factor exists; else on the amount (money ratio).
      const nuits = UNITES.nuit.test(u) && l.quantite !== undefined;
      const parNuit =
        (nuits && jeu.facteurs.has("hebergement-nuitee")) || !jeu.facteurs.has("ratio-hebergement-restauration");
      const a = base(
        l,
        "hebergement",
        "Hébergement (nuitées)",
        parNuit ? "hebergement-nuitee" : "ratio-hebergement-restauration",
        "nuitée",
      );
      if (!parNuit)
        a.notes.push(
          jeu.facteurs.has("hebergement-nuitee")
            ? "Nombre de nuits non lu : estimé sur le montant (ratio monétaire) ; indiquez les nuitées et le code " +
                "hebergement-nuitee pour l'estimer par nuit."
            : "Pas de facteur par nuitée sourcé : estimé sur le montant (ratio monétaire).",
        );
      return avec(parUnite(l, a, UNITES.nuit, "Nombre de nuitées à indiquer"));
    }
    case "repas": {
      const vege = /\b(vegetarien|vegetarienne|vegan|vegetalien)/.test(s);
      const a = base(
        l,
        "repas",
        vege ? "Repas végétarien" : "Repas (régime non précisé)",
        vege ? "repas-vegetarien" : "repas-moyen",
        "repas",
      );
      if (UNITES.jour.test(u)) {
        parUnite(l, a, UNITES.jour, "");
        a.notes.push("Un repas par jour et par personne retenu : corrigez la quantité s'il y en a deux.");
        return avec(a);
      }
      return avec(parUnite(l, a, UNITES.repas, "Nombre de repas à indiquer"));
    }
    case "carburant": {
      const essence = /\bessence\b/.test(s);
      const nonRoutier = /\b(gnr|non routier)\b/.test(s);
      const a = base(
        l,
        "energie",
        essence ? "Carburant (essence)" : nonRoutier ? "Carburant (gazole non routier)" : "Carburant (gazole)",
        essence ? "essence" : nonRoutier ? "gazole-non-routier" : "gazole",
        "litre",
      );
      return avec(parUnite(l, a, UNITES.litre, "Litres de carburant à indiquer"));
    }
    case "groupe":
      return avec(
        parUnite(
          l,
          base(l, "energie", "Groupe électrogène", /\bessence\b/.test(s) ? "essence" : "gazole-non-routier", "litre"),
          UNITES.litre,
          "Litres de gazole non routier à indiquer",
        ),
      );
    case "electricite":
      return avec(
        parUnite(
          l,
          base(l, "energie", "Électricité", "electricite", "kWh"),
          UNITES.kwh,
          "Consommation en kWh à indiquer",
        ),
      );
  }
  return avecAutres(l, s, u, jeu) ?? hors("non-classee");
}

function materiel(l: LigneDevis, s: string, u: string, poste: string, jeu: JeuFacteurs): { activite: Activite } {
  if (l.categorie === "achat" || /\bachats?\b/.test(s)) {
    return { activite: enEuros(base(l, "materiel", `${poste} (achat)`, "ratio-machines-equipements", "€ HT"), l) };
  }
  const a = base(l, "materiel", `Location ${poste.toLowerCase()}`, "location-materiel", "jour");
  const d = duree(s, u);
  const manque = "Jours de location à indiquer";
  return { activite: d ? enJours(l, a, d, jeu, manque) : parUnite(l, a, UNITES.jour, manque) };
}

/** The post-production's money ratio (Base Carbone 43375, 2023), applied when no factor per day is given. */
const RATIO_POSTPRODUCTION = "ratio-cinema-audiovisuel";

/** Equipment, post-production and purchases: by keyword, then by chapter (7 equipment, 8 post-production, 5 sets). */
function avecAutres(l: LigneDevis, s: string, u: string, jeu: JeuFacteurs): Classement | undefined {
  if (MOTS.postprod.test(s) || l.chapitre === chapitreDuRole("post-production")) {
    const a = base(l, "postproduction", "Post-production", "postproduction", "jour");
    const d = duree(s, u);
    if (d && l.quantite !== undefined) enJours(l, a, d, jeu, "");
    else if (UNITES.jour.test(u)) parUnite(l, a, UNITES.jour, "");
    else {
      a.unite = "€ HT";
      enEuros(a, l);
    }
    // No sourced factor per day of editing room: the line is estimated on its amount with the 2023 money ratio of
    // its NAF division (J59_60, « montage, doublage, sous-titrage »), unless Paramètres gives a factor per day.
    const parJour = a.unite === "jour" && jeu.facteurs.has("postproduction");
    if (!parJour && jeu.facteurs.has(RATIO_POSTPRODUCTION)) {
      a.facteur = RATIO_POSTPRODUCTION;
      a.notes.push(
        "Pas de facteur par jour de salle sourcé : estimé sur le montant (ratio monétaire cinéma, télévision, " +
          "post-production, Base Carbone 43375, 2023, à vérifier).",
      );
    }
    return { activite: a };
  }
  if (MOTS.electronique.test(s))
    return {
      activite: enEuros(
        base(l, "achats", "Consommables (supports, batteries)", "ratio-produits-electroniques", "€ HT"),
        l,
      ),
    };
  if (MOTS.camera.test(s)) return materiel(l, s, u, "Caméra", jeu);
  if (MOTS.drone.test(s)) return materiel(l, s, u, "Drone", jeu);
  if (MOTS.lumiere.test(s)) return materiel(l, s, u, "Lumière", jeu);
  if (MOTS.machinerie.test(s)) return materiel(l, s, u, "Machinerie", jeu);
  if (MOTS.son.test(s)) return materiel(l, s, u, "Son", jeu);
  if (MOTS.regie.test(s)) return { activite: enEuros(base(l, "achats", "Régie", "regie", "€ HT"), l) };
  if (MOTS.mobilier.test(s)) return { activite: enEuros(base(l, "achats", "Mobilier", "ratio-meubles", "€ HT"), l) };
  if (MOTS.decors.test(s) || l.chapitre === chapitreDuRole("decors")) {
    const a = enEuros(
      base(l, "achats", "Décors, accessoires, costumes", "ratio-autres-produits-manufactures", "€ HT"),
      l,
    );
    a.notes.push(
      "Ratio « autres produits manufacturés » faute de ratio propre aux décors : le calculateur demande les matériaux.",
    );
    return { activite: a };
  }
  if (MOTS.papier.test(s))
    return { activite: enEuros(base(l, "achats", "Papeterie, impressions", "ratio-papier-carton", "€ HT"), l) };
  if (MOTS.assurance.test(s))
    return { activite: enEuros(base(l, "achats", "Assurances", "ratio-assurance", "€ HT"), l) };
  if (MOTS.conseil.test(s))
    return {
      activite: enEuros(
        base(l, "achats", "Services juridiques et comptables", "ratio-services-juridiques-comptables", "€ HT"),
        l,
      ),
    };
  if (l.chapitre === chapitreDuRole("moyens-techniques")) return materiel(l, s, u, "Matériel", jeu);
  return undefined;
}
