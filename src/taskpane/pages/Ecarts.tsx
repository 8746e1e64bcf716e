import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Input,
  Link,
  Option,
  OptionGroup,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type {
  ChapitreEcartVue,
  ExplicationsEcarts,
  ExplicationTotalEcarts,
  PosteVue,
  ResultatRapprochementVue,
} from "../../app/commandes/ecarts";
import { aucuneLigneLue, ENCODAGES_FEC } from "../../app/commandes/fec";
import {
  avertissementEncodage,
  nomEncodage,
  texteAlerteFec,
  texteMontantsNegatifs,
  type EncodageFec,
  type ResultatFec,
} from "../../core/comptabilite/fec";
import { TITRE_NON_PLACES_ECARTS } from "../../core/ecarts/calcul";
import type { Constat } from "../../core/controles/constat";
import {
  sectionsDuGrandLivre,
  trierCorrespondances,
  type Correspondance,
  type TableCorrespondances,
} from "../../core/comptabilite/correspondances";
import { ErreurExpliquee } from "../../core/erreurs";
import { eurosToCents, formatEcartFr, formatMontantFr } from "../../core/money";
import { chiffresEcarts, seuilsEcarts } from "../../app/ecartsEnBref";
import { lireBlobFec } from "../../workers/lireFichierFec";
import type { DemandeFec, ReponseFec } from "../../workers/protocoleFec";
import { ChiffreCle, ChiffresCles } from "../components/ChiffresCles";
import { DepotFichier } from "../components/DepotFichier";
import { DetailsSources } from "../components/DetailsSources";
import { ChiffreExplicable, PanneauTrace, useExplication, type Explication } from "../components/DouVientCeChiffre";
import { ChampListe } from "../components/Champ";
import { Infobulle } from "../components/Infobulle";
import { Retour } from "../components/Retour";
import { TableauAdaptatif, type Colonne } from "../components/TableauAdaptatif";
import { TextesAppliques } from "../components/TextesAppliques";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, guillemets, nombre, taille, typographie } from "../francais";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const ENCODAGES: { valeur: EncodageFec; libelle: string }[] = ENCODAGES_FEC.map((valeur) => ({
  valeur,
  libelle: nomEncodage(valeur),
}));

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bloc: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // A correspondance row: account, poste, label, delete. In a narrow pane the label goes under the two fields (with the
  // delete button) rather than into a 70 px column where its words break letter by letter.
  ligne: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  alerte: { backgroundColor: tokens.colorPaletteRedBackground2 },
  total: { fontWeight: tokens.fontWeightSemibold },
  // A faulty correspondance: tinted, and its message written under it (never colour alone).
  fautive: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  motErreur: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  motAlerte: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  douteuse: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  // Each correspondance a group of its own (a rule under it): its label, under the fields when narrow, is not read as
  // the next row's heading.
  correspondance: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  // At 320–350 px the label gets what compte, poste and ✕ leave (about 8em): ✕ stays on the row, never alone below.
  libelle: { flex: "1 1 8em", minWidth: 0, overflowWrap: "break-word" },
  // « Voir les 26 autres comptes » under the first accounts without poste: aligned with them, wrapping at 320 px.
  plus: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal", textAlign: "left" },
  // A glyph button: without Fluent's 64 px minimum width, so it fits beside the label.
  supprimer: { minWidth: "auto", flexShrink: 0 },
  choix: { minWidth: 0, width: "11em", maxWidth: "100%" },
  boutons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  deplier: { alignSelf: "flex-start", textAlign: "start", minWidth: 0 },
  listeCorrespondances: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Short keys: the account label gets the pane's remaining width.
  cle: { width: "8em", flexShrink: 0 },
  poste: { width: "4.5em", flexShrink: 0 },
});

/** The detected separator in words, as « séparées par … » ends ("tab" would read as English, a raw tab as nothing). */
const SEPARATEURS: Record<ResultatFec["format"]["separateur"], string> = {
  tab: "des tabulations",
  pipe: "des barres « | »",
  "point-virgule": "des points-virgules",
  virgule: "des virgules",
};

/**
 * How the file was read, in a sentence: « Lu comme un FEC : 18 colonnes séparées par des tabulations, montants en
 * débit et crédit, encodage UTF-8. » (what to check when figures look wrong), instead of a row of technical words.
 */
function formatLu(f: ResultatFec["format"]): string {
  return (
    `Lu comme ${f.type === "fec" ? "un FEC" : "un grand livre CSV"} : ${compte(f.colonnes, "colonne")} séparées par ` +
    `${SEPARATEURS[f.separateur]}, montants ${f.montants === "debit-credit" ? "en débit et crédit" : "avec leur sens"}, ` +
    `encodage ${nomEncodage(f.encodage)}${f.bom ? " (avec BOM)" : ""}.`
  );
}

/**
 * The encoding chosen contradicted by the file's first bytes, as `prodbook fec --encodage` says it on stderr (the same
 * core detection, from the bytes the reader read), with the pane's advice: its list, not the CLI's option.
 */
function avertissementEncodageVolet(f: ResultatFec["format"]): string | undefined {
  const c = f.contradictionEncodage;
  return (
    c &&
    avertissementEncodage(
      c,
      `l'encodage ${nomEncodage(c.force)} choisi est gardé : choisissez « Détection automatique » ou ` +
        `${nomEncodage(c.montre)} dans la liste Encodage si les libellés sont mal lus.`,
    )
  );
}

/** JSON amounts ("1234.56") → French display, exactly (no float). */
const SECTION = /^section\s*:\s*/i;

const euros = (s: string) => formatMontantFr(eurosToCents(s));
/** An écart signed: « +1 785,00 € » over budget, « −900,00 € » under (as on the Tableau de bord). */
const ecartFr = (s: string) => formatEcartFr(eurosToCents(s));

/** Parses in the Web Worker (fecWorker.js); falls back to this thread where workers are unavailable. */
function lireAvecWorker(
  fichier: File,
  encodage: EncodageFec | undefined,
  progres: (p: number) => void,
): Promise<ResultatFec> {
  if (typeof Worker === "undefined")
    return lireBlobFec(fichier, { encodage, onProgress: (f, t) => progres(t ? f / t : 1) }).then((r) => r.resultat);
  return new Promise((ok, ko) => {
    const w = new Worker("fecWorker.js");
    w.onmessage = (e: MessageEvent<ReponseFec>) => {
      const m = e.data;
      if (m.type === "progression") progres(m.total ? m.fait / m.total : 1);
      else {
        w.terminate();
        if (m.type === "resultat") ok(m.resultat);
        else ko(m.expliquee ? new ErreurExpliquee(m.message) : new Error(m.message));
      }
    };
    // The browser's own message (« Uncaught Error: … », in English) is not the user's: said in French, with the file.
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      ko(
        new ErreurExpliquee(
          `${fichier.name} : Lecture du fichier impossible : le lecteur du grand livre s'est arrêté sur une erreur. ` +
            "Choisissez de nouveau le fichier ; si l'erreur revient, rechargez le volet.",
        ),
      );
    };
    const d: DemandeFec = { type: "lire", fichier, nom: fichier.name, encodage };
    w.postMessage(d);
  });
}

/** The key as typed: « 6411 » or « section:TOURNAGE ». */
const cleAffichee = (c: Correspondance) => (c.type === "section" ? `section:${c.cle}` : c.cle);

/** A chapter row of the table, or the total row. */
type LigneTableau = ChapitreEcartVue & { total?: boolean };

/** The table's columns; réalisé and écart of a chapter or of the total open « D'où vient ce chiffre ? » when traced. */
function colonnesEcarts(
  ex: ExplicationsEcarts | undefined,
  total: ExplicationTotalEcarts | undefined,
  explication: Explication,
): Colonne<LigneTableau>[] {
  const explicable = (c: LigneTableau, champ: "realise" | "ecart") => (
    <ChiffreExplicable
      cle={`${champ}-${c.code}`}
      trace={c.total ? total?.[champ] : ex?.[c.code]?.[champ]}
      explication={explication}
      testId={TEST_IDS.ecarts.expliquer(champ, c.code)}
    >
      {champ === "ecart" ? ecartFr(c.ecart) : euros(c.realise)}
    </ChiffreExplicable>
  );
  return [
    { id: "chapitre", titre: "Chapitre", valeur: (c) => (c.total ? "Total" : `${c.code} ${c.libelle}`) },
    { id: "budget", titre: "Budget", valeur: (c) => euros(c.budget), montant: true },
    { id: "engage", titre: "Engagé", valeur: (c) => (c.engage === null ? "—" : euros(c.engage)), montant: true },
    { id: "realise", titre: "Réalisé", valeur: (c) => explicable(c, "realise"), montant: true },
    { id: "reste", titre: "Reste à engager", valeur: (c) => euros(c.reste), montant: true },
    { id: "estimation", titre: "Estimation finale", valeur: (c) => euros(c.estimation), montant: true },
    { id: "ecart", titre: "Écart", valeur: (c) => explicable(c, "ecart"), montant: true },
    { id: "ecartEstime", titre: "Écart estimé", valeur: (c) => ecartFr(c.ecartEstime), montant: true },
  ];
}

/** The totals as a last row of the table. */
function ligneTotal(r: ResultatRapprochementVue): LigneTableau {
  const t = r.totaux;
  return {
    code: "total",
    libelle: "Total",
    budget: t.budget,
    engage: t.engage,
    realise: t.realise,
    reste: t.reste,
    estimation: t.estimation,
    ecart: t.ecart,
    ecartPct: null,
    ecartEstime: t.ecartEstime,
    ecartEstimePct: null,
    alerte: false,
    total: true,
  };
}

type CompteSansPoste = ResultatRapprochementVue["nonAffecte"]["comptes"][number];

/** « Affecter à… »: a list of the devis's postes (chapters, then their lines); picking one maps the account. */
function ChoixPoste({
  compte: c,
  postes,
  disabled,
  onChoix,
}: {
  compte: CompteSansPoste;
  postes: PosteVue[];
  disabled: boolean;
  onChoix: (poste: string) => void;
}) {
  const styles = useStyles();
  const chapitres = postes.filter((p) => p.niveau === "chapitre");
  return (
    <Dropdown
      size="small"
      className={styles.choix}
      placeholder="Affecter à…"
      aria-label={`Affecter le compte ${c.compte} à un poste`}
      // Fluent renders a (hidden) clear button named « Clear selection » in every Dropdown: named in French.
      clearButton={{ "aria-label": "Effacer le choix" }}
      data-testid={TEST_IDS.ecarts.affecter(c.compte)}
      disabled={disabled || postes.length === 0}
      selectedOptions={[]}
      // Under (or over) the field, its height cut to the room left and scrolled: a list of every poste is taller than
      // the pane, and Fluent's fallback beside the field put it past the pane's right edge (document 337 px at 320 px).
      positioning={{ position: "below", align: "start", fallbackPositions: ["above-start"], autoSize: "height" }}
      onOptionSelect={(_, d) => d.optionValue && onChoix(d.optionValue)}
    >
      {chapitres.map((ch) => (
        <OptionGroup key={ch.code} label={`${ch.code} ${ch.libelle}`}>
          {postes
            .filter((p) => p.chapitre === ch.code)
            .map((p) => (
              <Option key={p.code} value={p.code} text={`${p.code} ${p.libelle}`}>
                {p.niveau === "chapitre" ? `${p.code} ${p.libelle} (tout le chapitre)` : `${p.code} ${p.libelle}`}
              </Option>
            ))}
        </OptionGroup>
      ))}
    </Dropdown>
  );
}

/**
 * Accounts without poste shown before « Voir les N autres comptes », the largest amounts first: a real ledger has dozens
 * (34 in a 10 000-line FEC, 140 px each as cards at 350 px), which pushed the correspondances and the « Écrire » button
 * thousands of pixels down. A list of one more is shown whole (a button hiding one account would be longer than it).
 */
const SANS_POSTE_AFFICHES = 8;

/** The accounts without poste, the largest amounts (in absolute value) first, then by account number. */
const parMontant = (comptes: readonly CompteSansPoste[]): CompteSansPoste[] =>
  [...comptes].sort(
    (a, b) => Math.abs(eurosToCents(b.total)) - Math.abs(eurosToCents(a.total)) || a.compte.localeCompare(b.compte),
  );

export function Ecarts() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer, setProgression } = commande;
  const [encodage, setEncodage] = React.useState<"" | EncodageFec>("");
  // The file last picked in this session, so that choosing another encoding reads it again.
  const fichierRef = React.useRef<File>();
  const production = useProduction();
  const fec = production.fec;
  const charge = production.contexte.fec;
  // One ordered list as the user sees it (a row turned into a section stays where it is).
  const [lignes, setLignes] = React.useState<Correspondance[]>();
  const [source, setSource] = React.useState<TableCorrespondances["source"]>();
  const [rapport, setRapport] = React.useState<
    ResultatRapprochementVue & { explications?: ExplicationsEcarts; explicationTotal?: ExplicationTotalEcarts }
  >();
  // New figures close the tree of the previous ones.
  const explication = useExplication(rapport);
  // The devis's postes (for « Affecter à… » and to check each correspondance's poste).
  const [postes, setPostes] = React.useState<PosteVue[]>([]);
  // Correspondances typed since the écarts shown were computed.
  const [aRecalculer, setARecalculer] = React.useState(false);
  const [enregistree, setEnregistree] = React.useState<string>();
  // The correspondances list (24 rows by default) folds once valid, so the last step stays near; the user's choice wins.
  const [listeOuverte, setListeOuverte] = React.useState<boolean>();
  // Every account without poste shown (« Voir les N autres comptes »), and the first one revealed to focus.
  const [tousSansPoste, setTousSansPoste] = React.useState(false);
  const [aFocaliser, setAFocaliser] = React.useState<string>();
  React.useEffect(() => {
    if (!aFocaliser) return;
    document.querySelector<HTMLElement>(`[data-testid="${TEST_IDS.ecarts.affecter(aFocaliser)}"]`)?.focus();
    setAFocaliser(undefined);
  }, [aFocaliser]);
  // What the correspondances file imported last holds that was not read (named by file, line and column): shown under
  // the button, and written with the other findings on the Écarts and Coût définitif sheets.
  const [alertesImport, setAlertesImport] = React.useState<{ nom: string; alertes: string[]; constats: Constat[] }>();

  // Once the production is read: the correspondances edited earlier (kept in the workbook), else the sheet's.
  const editees = production.pret ? production.contexte.correspondances : undefined;
  const editeesRef = React.useRef(editees);
  editeesRef.current = editees;
  const lignesRef = React.useRef(lignes);
  lignesRef.current = lignes;
  const sourceRef = React.useRef(source);
  sourceRef.current = source;
  React.useEffect(() => {
    if (!production.pret) return;
    void lancer(async () => {
      const t = await envoyer("lireCorrespondances", {});
      const e = editeesRef.current;
      // A ledger read meanwhile was reconciled with these rows already: keep what is there.
      if (lignesRef.current) return;
      setLignes(e ?? [...t.comptes, ...t.sections]);
      setSource(e ? undefined : t.source);
    });
  }, [lancer, production.pret]);

  // The ledger's file name, named with its format in « Détails et sources » (and on the Écarts sheet when written).
  const nomFec = () => fichierRef.current?.name ?? production.contexte.fec?.nom;
  /**
   * The écarts of `f` with the rows `ls` (nothing written); `src`: the default table's source when `ls` are its rows
   * untouched (the table is then named under « Détails et sources »).
   */
  const calculer = async (f: ResultatFec, ls: Correspondance[] | undefined, src?: TableCorrespondances["source"]) => {
    const r = await envoyer("apercuEcarts", { fec: f, lignes: ls, source: src, explique: true, nomFec: nomFec() });
    setRapport(r);
    setPostes(r.postes);
    setARecalculer(false);
    return r;
  };

  // A file that fails leaves the previous ledger loaded (and named): the error shows under the picker.
  const choisir = (fichier: File | undefined, enc: "" | EncodageFec = encodage) =>
    fichier &&
    lancer(
      async () => {
        setProgression({ libelle: `Lecture de ${fichier.name}…`, valeur: 0 });
        const r = await lireAvecWorker(fichier, enc || undefined, (v) =>
          setProgression({ libelle: `Lecture de ${fichier.name}…`, valeur: v }),
        );
        fichierRef.current = fichier;
        setRapport(undefined);
        // Another ledger: its accounts without poste start folded again, the first ones by amount.
        setTousSansPoste(false);
        production.definirFec(r, { nom: fichier.name, octets: fichier.size });
        setProgression({ libelle: "Calcul des écarts…" });
        await calculer(r, lignesRef.current, sourceRef.current);
        return r;
      },
      "ecarts-lire",
      (r) => `${fichier.name} lu : ${compte(r.ecritures, "ligne importée", "lignes importées")} ; écarts calculés.`,
    );

  const table: TableCorrespondances | undefined = lignes && {
    comptes: lignes.filter((c) => c.type !== "section"),
    sections: lignes.filter((c) => c.type === "section"),
    source,
  };
  const changer = (ls: Correspondance[]) => {
    setLignes(ls);
    // What the user changes is shown: the list unfolds.
    setListeOuverte(true);
    // Edited: no longer the default table; kept with the production until written to the sheet.
    setSource(undefined);
    setEnregistree(undefined);
    production.modifier({ correspondances: ls });
  };
  // The ledger's analytic sections, gathered once per ledger (a million lines are not walked at each keystroke).
  const sectionsFec = React.useMemo(() => (fec ? sectionsDuGrandLivre(fec.lignes) : undefined), [fec]);
  // Each row checked as the user types: a faulty row is tinted and says why.
  const problemes = React.useMemo(() => {
    const connus = postes.length ? new Set(postes.map((p) => p.code)) : undefined;
    // With a ledger loaded, a typed prefix that starts none of its accounts is said too (« 0641 »), and a section
    // that starts none of its lines' analytic sections (a FEC has none).
    return new Map(
      trierCorrespondances(lignes ?? [], connus, fec?.comptes.keys(), sectionsFec).problemes.map((p) => [p.rang, p]),
    );
  }, [lignes, postes, fec, sectionsFec]);
  // Folded by default once every row is valid; unfolded while one is at fault, or empty, unless the user chose.
  const ouverte = listeOuverte ?? (problemes.size > 0 || !lignes?.length);
  // « section:CODE » typed in the key makes the row a section row (and removing the prefix an account row).
  const modifier = (i: number, champ: "cle" | "poste", valeur: string) => {
    changer(
      (lignes ?? []).map((c, k) =>
        k !== i
          ? c
          : champ === "poste"
            ? { ...c, poste: valeur }
            : { ...c, type: SECTION.test(valeur) ? "section" : "compte", cle: valeur.replace(SECTION, "") },
      ),
    );
    if (rapport) setARecalculer(true);
  };
  const ajouter = () => changer([...(lignes ?? []), { type: "compte", cle: "6", poste: "" }]);
  // Adding (« Affecter à… ») or deleting a row recomputes the écarts at once.
  const recalculer = (ls: Correspondance[], action: string, succes: (r: ResultatRapprochementVue) => string) =>
    fec && lancer(() => calculer(fec, ls), action, succes);
  const affecter = (c: CompteSansPoste, poste: string) => {
    const ls: Correspondance[] = [...(lignes ?? []), { type: "compte", cle: c.compte, poste, libelle: c.libelle }];
    changer(ls);
    void recalculer(
      ls,
      "ecarts-affecter",
      (r) => `Compte ${c.compte} affecté au poste ${poste} ; sans poste : ${euros(r.nonAffecte.total)}.`,
    );
  };
  const supprimer = (i: number) => {
    const c = (lignes ?? [])[i];
    const ls = (lignes ?? []).filter((_, k) => k !== i);
    changer(ls);
    if (fec && rapport)
      void recalculer(
        ls,
        "ecarts-correspondances",
        () => `Correspondance ${c.cle} → ${c.poste} supprimée ; écarts recalculés.`,
      );
  };
  // A CSV (compte;poste;libelle) replaces the list, as `prodbook ecarts --correspondances` uses only its file; the
  // écarts are recomputed at once when a ledger is loaded.
  const importer = (fichier: File) =>
    lancer(
      async () => {
        setAlertesImport(undefined);
        production.definirAlertesCorrespondances(undefined);
        const octets = new Uint8Array(await fichier.arrayBuffer());
        const r = await envoyer("importerCorrespondances", { octets, nom: fichier.name });
        changer(r.lignes);
        setAlertesImport({ nom: fichier.name, alertes: r.alertes, constats: r.constats });
        // The Carbone page reads the réalisé with these correspondances: it gets the file's alertes too.
        production.definirAlertesCorrespondances(r.constats.length ? r.constats : undefined);
        if (fec) await calculer(fec, r.lignes);
        return r;
      },
      "ecarts-importer",
      (r) =>
        `${compte(r.lignes.length, "correspondance lue", "correspondances lues")} dans ${fichier.name}` +
        `${r.alertes.length ? `, ${compte(r.alertes.length, "alerte")}` : ""}${fec ? " ; écarts recalculés" : ""}.`,
    );
  const enregistrer = () =>
    table &&
    lancer(
      async () => {
        setEnregistree(undefined);
        const feuille = (await envoyer("ecrireCorrespondances", { table })).feuille;
        setEnregistree(feuille);
        production.modifier({ correspondances: undefined });
        return feuille;
      },
      "ecarts-enregistrer",
      (feuille) => `Feuille ${guillemets(feuille)} enregistrée.`,
    );
  const rapprocher = () =>
    fec &&
    lancer(
      async () => {
        setProgression({ libelle: "Écriture du Grand livre…", valeur: 0 });
        const r = await envoyer("rapprocherGrandLivre", {
          fec,
          correspondances: table,
          alertes: alertesImport?.constats,
          explique: true,
          nomFec: nomFec(),
          onProgress: (f, t) =>
            setProgression({
              libelle: `Écriture du Grand livre… bloc ${nombre(f)} / ${nombre(t)}`,
              valeur: t ? f / t : 1,
            }),
        });
        setRapport(r);
        setARecalculer(false);
        // The correspondances used are now in the « Correspondances » sheet.
        production.modifier({ correspondances: undefined });
        return r;
      },
      "ecarts-rapprocher",
      (r) => typographie(`Écarts calculés ; feuilles écrites : ${r.feuilles.map(guillemets).join(", ")}.`),
    );

  // Shown while the file read with the encoding chosen is the one loaded.
  const avertissementLu = fec && avertissementEncodageVolet(fec.format);
  const alertes = rapport?.chapitres.some((c) => c.alerte) ?? false;
  const sansEngage = rapport?.chapitres.some((c) => c.engage === null);

  return (
    <section className={styles.page} aria-label="Écarts budget / réalisé">
      <div className={styles.bloc}>
        <Subtitle2>1. Grand livre (FEC ou CSV)</Subtitle2>
        <DepotFichier
          testId={TEST_IDS.ecarts.fichier}
          accept=".txt,.TXT,.csv,.CSV"
          libelle={fec ? "Choisir un autre fichier…" : "Choisir le fichier…"}
          aide="ou déposez-le ici (export FEC .txt ou grand livre .csv)"
          disabled={occupe}
          onFichier={(f) => void choisir(f)}
        />
        <Retour
          commande={commande}
          action="ecarts-lire"
          enCours="Lecture du fichier…"
          progressionTestId={TEST_IDS.ecarts.progression}
        />
        {!fec && charge && (
          <Caption1 data-testid={TEST_IDS.ecarts.dernierFec}>
            Dernier grand livre chargé : {charge.nom} ({taille(charge.octets)}, {compte(charge.lignes, "ligne")}
            {charge.chargeLe ? `, le ${dateFr(charge.chargeLe)}` : ""}). Choisissez de nouveau le fichier pour le
            rapprocher.
          </Caption1>
        )}
        {fec && (
          <div data-testid={TEST_IDS.ecarts.format}>
            {charge && (
              <Text block weight="semibold" data-testid={TEST_IDS.ecarts.nomFec}>
                {charge.nom} · {taille(charge.octets)}
              </Text>
            )}
            <Caption1 block>{formatLu(fec.format)}</Caption1>
            <Text block>
              {nombre(fec.ecritures)} {fec.ecritures >= 2 ? "lignes importées" : "ligne importée"} sur{" "}
              {nombre(fec.lignesDonnees)} · débit {formatMontantFr(fec.debit)} · crédit {formatMontantFr(fec.credit)}{" "}
              {fec.ecritures === 0 ? (
                // No line imported: the zero totals prove nothing, never « équilibré » in the success colour.
                <Badge color="warning" data-testid={TEST_IDS.ecarts.aucuneLigne}>
                  {aucuneLigneLue(fec.erreurs.length)}
                </Badge>
              ) : fec.debit === fec.credit ? (
                <Badge color="success">équilibré</Badge>
              ) : (
                <Badge color="danger">déséquilibré</Badge>
              )}
            </Text>
            {fec.erreurs.length > 0 && (
              <div data-testid={TEST_IDS.ecarts.rejets}>
                <Text weight="semibold">{compte(fec.erreurs.length, "ligne rejetée", "lignes rejetées")}</Text>
                {fec.erreurs.slice(0, 100).map((e) => (
                  <Caption1 block key={e.ligne}>
                    {e.message}
                  </Caption1>
                ))}
                {fec.erreurs.length > 100 && (
                  <Caption1 block>
                    … et {compte(fec.erreurs.length - 100, "autre ligne rejetée", "autres lignes rejetées")}.
                  </Caption1>
                )}
              </div>
            )}
            {fec.alertes.slice(0, 100).map((a, i) => (
              <Caption1 block key={i}>
                ⚠ {texteAlerteFec(a)}
              </Caption1>
            ))}
            {fec.alertes.length > 100 && (
              <Caption1 block>⚠ … et {compte(fec.alertes.length - 100, "autre alerte")}.</Caption1>
            )}
            {fec.montantsNegatifs && (
              // Information, not an alerte: the amounts are read as written; the lines are named.
              <Caption1 block data-testid={TEST_IDS.ecarts.montantsNegatifs}>
                ℹ {texteMontantsNegatifs(fec.montantsNegatifs, fec.format.type === "fec" ? "du FEC" : "du grand livre")}
              </Caption1>
            )}
          </div>
        )}
        <ChampListe<EncodageFec>
          id={TEST_IDS.ecarts.encodage}
          label="Encodage"
          hint={fichierRef.current && fec ? "Changer l'encodage relit le fichier chargé." : undefined}
          valeur={encodage}
          vide="Détection automatique"
          options={ENCODAGES}
          disabled={occupe}
          avertissement={
            avertissementLu ? { texte: avertissementLu, testId: TEST_IDS.ecarts.avertissementEncodage } : undefined
          }
          onChange={(enc) => {
            setEncodage(enc);
            if (fichierRef.current && fec) void choisir(fichierRef.current, enc);
          }}
        />
      </div>
      {rapport && (
        <div className={styles.bloc} data-testid={TEST_IDS.ecarts.rapport}>
          {/* The result of steps 1 and 2, not a step: the steps keep their numbers whether it shows or not. */}
          <Subtitle2>Écarts par chapitre</Subtitle2>
          {aRecalculer && (
            <Caption1 block data-testid={TEST_IDS.ecarts.aRecalculer}>
              Correspondances modifiées : ces chiffres datent d'avant.{" "}
              <Button
                size="small"
                data-testid={TEST_IDS.ecarts.recalculer}
                disabled={occupe || !fec}
                onClick={() => lignes && void recalculer(lignes, "ecarts-correspondances", () => "Écarts recalculés.")}
              >
                Recalculer
              </Button>
            </Caption1>
          )}
          {/* The figures first: where the production stands overall, then the chapters. */}
          {/* The same words and figures as `prodbook ecarts` prints (src/app/ecartsEnBref). */}
          <ChiffresCles testId={TEST_IDS.ecarts.chiffres}>
            {chiffresEcarts(rapport).map((c) => (
              <ChiffreCle key={c.id} terme={c.terme} fort={c.fort} texte={c.texte}>
                {c.valeur}
              </ChiffreCle>
            ))}
          </ChiffresCles>
          <TableauAdaptatif
            titre="Écarts par chapitre"
            testId={TEST_IDS.ecarts.tableau}
            seuil={720}
            compacte
            lignes={[...rapport.chapitres, ligneTotal(rapport)] as LigneTableau[]}
            cle={(c) => c.code}
            colonnes={colonnesEcarts(rapport.explications, rapport.explicationTotal, explication)}
            classeLigne={(c) => (c.alerte ? styles.alerte : c.total ? styles.total : undefined)}
            marque={(c) => (c.alerte ? <Badge color="danger">⚠ dépassement</Badge> : null)}
          />
          {rapport.nonPlaces.length > 0 && (
            // Outside the Budget total (the devis total, as on the Structurer page): listed, each with its cell.
            <Caption1 block data-testid={TEST_IDS.ecarts.nonPlaces}>
              {TITRE_NON_PLACES_ECARTS}
              {"\u00a0"}: {euros(rapport.budgetNonPlace)} —{" "}
              {rapport.nonPlaces.map((n, i) => (
                <React.Fragment key={n.cellule}>
                  {i > 0 && "\u202f; "}
                  <Link
                    onClick={() => lancer(() => envoyer("selectionnerCellule", { cellule: n.cellule }), "ecarts-aller")}
                    title={`Aller à ${n.cellule}`}
                  >
                    {n.cellule}
                  </Link>{" "}
                  ({n.libelle || "sans libellé"}, {euros(n.montant)})
                </React.Fragment>
              ))}
              . Le devis ne les place dans aucun chapitre : ils ne sont pas dans le Budget.
            </Caption1>
          )}
          <PanneauTrace
            explication={explication}
            onAller={(cellule) => lancer(() => envoyer("selectionnerCellule", { cellule }), "ecarts-aller")}
          />
          <Retour commande={commande} action="ecarts-aller" enCours="Sélection de la cellule…" flottant />
          <div data-testid={TEST_IDS.ecarts.legende}>
            <Caption1 block>
              Écart = réalisé − budget. Écart estimé = estimation finale − budget, où estimation finale = réalisé +
              reste à engager (saisi dans la feuille {guillemets("Écarts")}, sinon budget − réalisé, au moins 0).
            </Caption1>
            <Caption1 block data-testid={TEST_IDS.ecarts.ecartEstime}>
              {alertes ? "⚠ dépassement (ligne surlignée)" : "Aucun dépassement"}
              {" : "}
              {seuilsEcarts(rapport)} (les deux seuils, modifiables dans la feuille {guillemets("Écarts")}).
            </Caption1>
            {sansEngage && (
              <Caption1 block>— : engagé non saisi (à saisir dans la feuille {guillemets("Écarts")}).</Caption1>
            )}
          </div>
          <Text block>
            Classe 6 : {euros(rapport.classe6)} = affecté {euros(rapport.affecte)} + sans poste{" "}
            {euros(rapport.nonAffecte.total)}
            {rapport.conserve ? "" : " — incohérence : le total de la classe 6 ne se retrouve pas."}
          </Text>
          <Subtitle2 data-testid={TEST_IDS.ecarts.totalSansPoste}>
            {rapport.nonAffecte.comptes.length
              ? `Comptes sans poste : ${compte(rapport.nonAffecte.comptes.length, "compte")}, ${euros(rapport.nonAffecte.total)}`
              : "Tous les comptes de classe 6 ont un poste."}
          </Subtitle2>
          {rapport.nonAffecte.comptes.length > 0 && (
            <>
              <Caption1 block>
                Les plus gros montants d'abord. « Affecter à… » ajoute la correspondance compte → poste et recalcule les
                écarts.
              </Caption1>
              <TableauAdaptatif
                titre="Comptes de classe 6 sans poste"
                testId={TEST_IDS.ecarts.sansPoste}
                seuil={560}
                lignes={parMontant(rapport.nonAffecte.comptes).slice(
                  0,
                  tousSansPoste || rapport.nonAffecte.comptes.length <= SANS_POSTE_AFFICHES + 1
                    ? undefined
                    : SANS_POSTE_AFFICHES,
                )}
                cle={(c) => c.compte}
                colonnes={[
                  { id: "compte", titre: "Compte", valeur: (c) => c.compte },
                  {
                    id: "libelle",
                    titre: "Libellé",
                    valeur: (c) => c.libelle,
                    large: true,
                  },
                  { id: "montant", titre: "Montant", valeur: (c) => euros(c.total), montant: true },
                  {
                    id: "affecter",
                    titre: "Poste",
                    large: true,
                    valeur: (c) => (
                      <ChoixPoste compte={c} postes={postes} disabled={occupe} onChoix={(p) => affecter(c, p)} />
                    ),
                  },
                ]}
              />
              {rapport.nonAffecte.comptes.length > SANS_POSTE_AFFICHES + 1 && (
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.plus}
                  aria-expanded={tousSansPoste}
                  data-testid={TEST_IDS.ecarts.sansPostePlus}
                  onClick={() => {
                    // The first account revealed takes the focus: keyboard users land on what appeared.
                    if (!tousSansPoste)
                      setAFocaliser(parMontant(rapport.nonAffecte.comptes)[SANS_POSTE_AFFICHES].compte);
                    setTousSansPoste(!tousSansPoste);
                  }}
                >
                  {tousSansPoste
                    ? "Réduire la liste"
                    : `Voir les ${compte(rapport.nonAffecte.comptes.length - SANS_POSTE_AFFICHES, "autre compte", "autres comptes")}`}
                </Button>
              )}
            </>
          )}
          {/* The ledger read (file, format, period, every line accounted for), then the rule tables the réalisé was
              mapped with (the default PCG correspondances, the CNC nomenclature); closed by default. */}
          <DetailsSources testId={TEST_IDS.ecarts.details}>
            <div data-testid={TEST_IDS.ecarts.grandLivreLu}>
              {rapport.grandLivre.resume.map((phrase, i) => (
                <Caption1 block key={i}>
                  {phrase}
                </Caption1>
              ))}
            </div>
            {rapport.textes.length > 0 && <TextesAppliques textes={rapport.textes} />}
          </DetailsSources>
          <Retour commande={commande} action="ecarts-affecter" enCours="Calcul des écarts…" />
        </div>
      )}
      <div className={styles.bloc}>
        <Subtitle2>2. Correspondances compte → poste</Subtitle2>
        <Caption1>
          Préfixe de compte (ou section:CODE) → code de chapitre « 2 » ou de ligne « 2.3 ». Le plus long préfixe
          l'emporte.
        </Caption1>
        {lignes && lignes.length > 0 && (
          // A disclosure button (Enter or Space): the count and whether a row is at fault, said when folded too.
          <Button
            size="small"
            appearance="subtle"
            className={styles.deplier}
            aria-expanded={ouverte}
            aria-controls="ecarts-liste-correspondances"
            data-testid={TEST_IDS.ecarts.deplierCorrespondances}
            onClick={() => setListeOuverte(!ouverte)}
          >
            {`${ouverte ? "Masquer" : "Afficher"} les ${compte(lignes.length, "correspondance")}` +
              (problemes.size ? ` (${compte(problemes.size, "à revoir", "à revoir")})` : " (toutes valides)")}
          </Button>
        )}
        <div
          id="ecarts-liste-correspondances"
          className={ouverte ? styles.listeCorrespondances : undefined}
          hidden={!ouverte}
        >
          {ouverte &&
            lignes?.map((c, i) => {
              const p = problemes.get(i);
              return (
                <div
                  className={mergeClasses(
                    styles.correspondance,
                    p && (p.gravite === "erreur" ? styles.fautive : styles.douteuse),
                  )}
                  key={i}
                  data-testid={TEST_IDS.ecarts.correspondance(i)}
                  data-probleme={p?.gravite}
                >
                  <div className={styles.ligne}>
                    <Input
                      size="small"
                      className={styles.cle}
                      aria-label="Compte"
                      aria-invalid={p?.gravite === "erreur" || undefined}
                      value={cleAffichee(c)}
                      onChange={(_, d) => modifier(i, "cle", d.value)}
                    />
                    <Input
                      size="small"
                      className={styles.poste}
                      aria-label="Poste"
                      aria-invalid={p?.gravite === "erreur" || undefined}
                      value={c.poste}
                      onChange={(_, d) => modifier(i, "poste", d.value)}
                    />
                    <Caption1 className={styles.libelle}>{c.libelle}</Caption1>
                    <Infobulle
                      relation="label"
                      texte={`Supprimer la correspondance ${cleAffichee(c)}${c.poste ? ` → ${c.poste}` : ""}`}
                    >
                      <Button
                        size="small"
                        appearance="subtle"
                        className={styles.supprimer}
                        data-testid={TEST_IDS.ecarts.supprimer(i)}
                        disabled={occupe}
                        onClick={() => supprimer(i)}
                      >
                        ✕
                      </Button>
                    </Infobulle>
                  </div>
                  {p && (
                    <Caption1 block data-testid={TEST_IDS.ecarts.probleme(i)}>
                      {/* The row's tint and border say it in colour: its severity is said in a word too. */}
                      <span className={p.gravite === "erreur" ? styles.motErreur : styles.motAlerte}>
                        {p.gravite === "erreur" ? "✖ Erreur" : "⚠ Alerte"}
                      </span>
                      {"\u00a0: "}
                      {p.message}
                      {p.gravite === "erreur" ? " Ligne ignorée dans le calcul." : ""}
                    </Caption1>
                  )}
                </div>
              );
            })}
        </div>
        <div className={styles.boutons}>
          <Button size="small" data-testid={TEST_IDS.ecarts.ajouter} onClick={ajouter}>
            Ajouter
          </Button>
          <Button
            size="small"
            data-testid={TEST_IDS.ecarts.enregistrer}
            onClick={enregistrer}
            disabled={occupe || !table}
          >
            Enregistrer la feuille Correspondances
          </Button>
        </div>
        <DepotFichier
          discret
          testId={TEST_IDS.ecarts.importer}
          accept=".csv,.CSV,.txt,.TXT"
          libelle="Importer un fichier .csv…"
          aide="compte;poste;libellé : remplace la liste ci-dessus"
          disabled={occupe}
          onFichier={(f) => void importer(f)}
        />
        {/* What the file holds that was not read comes right after: scrolled into view with it. */}
        <Retour commande={commande} action="ecarts-importer" resultat enCours="Lecture des correspondances…" />
        {alertesImport && (
          <div data-testid={TEST_IDS.ecarts.alertesImport}>
            <Caption1 block>
              {guillemets(alertesImport.nom)} lu
              {alertesImport.alertes.length
                ? ` ; ${compte(alertesImport.alertes.length, "alerte")} :`
                : " en entier : toutes ses colonnes sont lues."}
            </Caption1>
            {alertesImport.alertes.map((a, i) => (
              <Caption1 block key={i}>
                ⚠ {a}
              </Caption1>
            ))}
          </div>
        )}
        <Retour commande={commande} action="ecarts-correspondances" enCours="Calcul des écarts…" />
        <Retour commande={commande} action="ecarts-enregistrer" enCours="Écriture de la feuille Correspondances…" />
        <Retour commande={commande} action="principale" enCours="Lecture des correspondances…" />
        {enregistree && (
          <Caption1 data-testid={TEST_IDS.ecarts.enregistree}>Feuille {guillemets(enregistree)} enregistrée.</Caption1>
        )}
      </div>
      <div className={styles.bloc}>
        <Subtitle2>3. Feuilles du classeur</Subtitle2>
        <Button
          appearance="primary"
          data-testid={TEST_IDS.ecarts.rapprocher}
          onClick={rapprocher}
          disabled={occupe || !fec}
        >
          Écrire Grand livre, Écarts et Coût définitif
        </Button>
        <Retour
          commande={commande}
          action="ecarts-rapprocher"
          resultat
          enCours="Rapprochement…"
          progressionTestId={TEST_IDS.ecarts.progression}
        />
        {/* What the button wrote, right under it (not with the écarts, thousands of pixels above). */}
        {rapport && rapport.feuilles.length > 0 && (
          <Caption1 block data-testid={TEST_IDS.ecarts.feuilles}>
            {typographie(`Feuilles écrites : ${rapport.feuilles.map(guillemets).join(", ")}.`)}
          </Caption1>
        )}
      </div>
    </section>
  );
}
