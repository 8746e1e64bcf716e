import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowDown12Regular, ArrowUp12Regular } from "@fluentui/react-icons";
import * as React from "react";
import { envoyer, type Commandes } from "../../app/catalogue";
import type { ResumeVersion, TracesAffichees } from "../../app/commandes/versions";
import type { TraceAffichee } from "../../app/traces";
import {
  chapitresFaceAuRealise,
  type CoutDefinitifCompare,
  type FaceAuRealise as FaceAuRealiseCompare,
} from "../../core/versions/realise";
import type { Constat } from "../../core/controles/constat";
import { type Cents, formatMontantFr, sumCents } from "../../core/money";
import { changementDeChapitre } from "../../core/versions/comparer";
import { LIBELLE_NON_PLACE, versionNommee } from "../../core/versions/modele";
import { ChampListe, ChampSaisie } from "../components/Champ";
import { ConstatsCliquables, constatsAffiches, GROUPES_CHANGEMENT } from "../components/ConstatsCliquables";
import { ChiffreExplicable, type Explication, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { Retour } from "../components/Retour";
import { type Champ, lireTexte, useChampLocal } from "../components/useChamp";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, guillemets, typographie } from "../francais";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const IDS = TEST_IDS.versions;
/** « , plus 1 200,00 € non placé (hors total) », or nothing: a version's total is the devis total. */
const nonPlaces = (v: ResumeVersion): string => {
  if (!v.nonPlaces.length) return "";
  const s = sumCents(v.nonPlaces.map((n) => n.montant));
  return typographie(`, plus ${formatMontantFr(s)} ${LIBELLE_NON_PLACE.toLowerCase()}`);
};
const COURANT = "courant";

type Comparaison = Commandes["comparerVersions"]["result"];
const changeesDe = (r: Comparaison) => r.comparaison.lignes.filter((l) => l.statut !== "inchangee");
const SUGGESTIONS = ["Devis initial", "Dépôt agrément provisoire", "Devis définitif"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Label and figure on one line when they fit, else the figure goes under; words and amounts are never cut.
  chiffres: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: "normal",
  },
  montant: { whiteSpace: "nowrap", marginLeft: "auto" },
  /** Several figures on the right: each kept whole, the line breaking between them when narrow. */
  figures: { marginLeft: "auto", textAlign: "right" },
  entier: { whiteSpace: "nowrap" },
  hausse: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  baisse: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fleche: { verticalAlign: "middle", marginRight: "1px" },
});

const m = (c: Cents) => formatMontantFr(c);
const signe = (c: Cents) => (c > 0 ? "+" : "") + m(c);

/** Said under « Nom de la version » when « Enregistrer la version » is pressed without one. */
const NOM_MANQUANT = typographie("Nommez la version : par exemple « Dépôt agrément provisoire ».");

/**
 * A change of amount: red and ↑ named « hausse » when it rises, green and ↓ « baisse » when it falls (never colour
 * alone); an écart réalisé − à names « dépassement » and « économie » instead.
 */
function Ecart({ delta, mots = ["hausse", "baisse"] }: { delta: Cents; mots?: [string, string] }) {
  const styles = useStyles();
  if (delta === 0) return <span>{signe(delta)}</span>;
  const Fleche = delta > 0 ? ArrowUp12Regular : ArrowDown12Regular;
  return (
    <span className={delta > 0 ? styles.hausse : styles.baisse}>
      <Fleche className={styles.fleche} aria-label={delta > 0 ? mots[0] : mots[1]} />
      {signe(delta)}
    </span>
  );
}

/**
 * The findings a versions command gives on the devis it read (the devis sheet found hidden in the workbook…): the
 * pane's list of findings, in French, under the result they are about.
 */
function ControlesLus({
  controles,
  onAller,
  etiquette,
  testId,
}: {
  controles: readonly Constat[] | undefined;
  onAller: (cellule: string) => void;
  etiquette: string;
  testId: string;
}) {
  if (!controles?.length) return null;
  return (
    <ConstatsCliquables
      elements={constatsAffiches(controles)}
      onAller={onAller}
      etiquette={etiquette}
      testId={testId}
      testIdElement={(i) => IDS.constat(testId, i)}
    />
  );
}

/** The keys of the figures against the coût définitif: their tree opens under their block, not above it. */
const REALISE = "realise-";
/** The open tree if it is one of the réalisé's figures (`realise`) or one of the versions' (not `realise`). */
const sauf = (e: Explication, realise: boolean): Explication => ({
  ...e,
  ouverte: e.ouverte && e.ouverte.cle.startsWith(REALISE) === realise ? e.ouverte : undefined,
});

/**
 * The comparison against the coût définitif (the Écarts sheet's réalisé by poste, as the « Comparaison » sheet's
 * columns S and T): the réalisé of the total and of each chapter, and its écart = réalisé − « à », each écart opening
 * its tree (down to the postes' cells of the Écarts sheet). Names as on the Écarts page: « réalisé », « écart ».
 */
function FaceAuRealise({
  d,
  traces,
  libelleA,
  explication,
}: {
  d: CoutDefinitifCompare;
  traces: TracesAffichees | undefined;
  libelleA: string;
  explication: Explication;
}) {
  const styles = useStyles();
  const mots: [string, string] = ["dépassement", "économie"];
  // Only the chapters with an amount in « à » or a réalisé: eleven rows where most read « 0,00 € (écart 0,00 €) » hid
  // the ones that matter at 320 px.
  const chapitres = chapitresFaceAuRealise(d.chapitres);
  const sansMontant = d.chapitres.filter((c) => !chapitres.includes(c));
  const chiffre = (f: FaceAuRealiseCompare, cle: string, trace: TraceAffichee | undefined, testId: string) => (
    <>
      <span className={styles.entier}>réalisé {m(f.realise)}</span>{" "}
      <span className={styles.entier}>
        (écart{" "}
        <ChiffreExplicable cle={cle} trace={trace} explication={explication} testId={testId}>
          <Ecart delta={f.ecart} mots={mots} />
        </ChiffreExplicable>
        )
      </span>
    </>
  );
  return (
    <section className={styles.section} aria-label="Face au réalisé" data-testid={IDS.realise}>
      <Subtitle2>Face au réalisé (feuille {guillemets("Écarts")})</Subtitle2>
      <Caption1>{typographie(`Écart = réalisé − ${libelleA}.`)}</Caption1>
      <div className={styles.chiffres}>
        <Text>Total</Text>
        <Text className={styles.figures} data-testid={IDS.realiseTotal}>
          {chiffre(d.total, `${REALISE}total`, traces?.total, IDS.expliquerRealiseTotal)}
        </Text>
      </div>
      {chapitres.map((ch) => (
        <div key={ch.code} className={styles.chiffres} data-testid={IDS.realiseChapitre(ch.code)}>
          <Caption1>
            {ch.code} {ch.libelle}
          </Caption1>
          <Caption1 className={styles.figures}>
            {chiffre(
              ch,
              `${REALISE}chapitre-${ch.code}`,
              traces?.chapitres[ch.code],
              IDS.expliquerRealiseChapitre(ch.code),
            )}
          </Caption1>
        </div>
      ))}
      {(d.nonPlaces.a !== 0 || d.nonPlaces.realise !== 0 || traces?.nonPlaces) && (
        <div className={styles.chiffres} data-testid={IDS.realiseNonPlaces}>
          <Caption1>{LIBELLE_NON_PLACE}</Caption1>
          <Caption1 className={styles.figures}>
            {chiffre(d.nonPlaces, `${REALISE}non-places`, traces?.nonPlaces, IDS.expliquerRealiseNonPlaces)}
          </Caption1>
        </div>
      )}
      {sansMontant.length > 0 && (
        <Caption1 data-testid={IDS.realiseSansMontant}>
          {typographie(
            `Sans montant ni réalisé, non repris : ${sansMontant.map((c) => `${c.code} ${c.libelle}`).join(", ")}.`,
          )}
        </Caption1>
      )}
    </section>
  );
}

export function Versions() {
  const styles = useStyles();
  const production = useProduction();
  const commande = useCommande();
  const explication = useExplication();
  const { occupe, lancer } = commande;
  const [versions, setVersions] = React.useState<ResumeVersion[]>();
  const champNom = useChampLocal(lireTexte);
  const champAuteur = useChampLocal(lireTexte);
  const nom = champNom.input.value;
  // « Enregistrer la version » pressed without a name: said under the field, the focus put there. The button stays
  // enabled (a disabled button says nothing of why, and the keyboard cannot reach it).
  const [nomDemande, setNomDemande] = React.useState(false);
  const champNomAffiche: Champ<string> =
    nomDemande && !nom.trim()
      ? { ...champNom, field: { validationState: "error", validationMessage: NOM_MANQUANT } }
      : champNom;
  const auteur = champAuteur.input.value;
  const [masquer, setMasquer] = React.useState(false);
  const [confirmer, setConfirmer] = React.useState<string>();
  // The dialog gives the focus back to « Enregistrer » when it closes (Escape, Annuler): it has no DialogTrigger.
  const retourFocus = useRestoreFocusTarget();
  const [enregistree, setEnregistree] = React.useState<string>();
  /** Findings on the devis read for the version saved (its sheet found hidden…). */
  const [controlesEnregistres, setControlesEnregistres] = React.useState<Constat[]>([]);
  const [de, setDe] = React.useState("");
  const [a, setA] = React.useState(COURANT);
  const [resultat, setResultat] = React.useState<Comparaison>();
  const feuille = production.contexte.feuilleDevis || undefined;

  const charger = React.useCallback(
    () =>
      lancer(async () => {
        const r = await envoyer("listerVersions", {});
        setVersions(r.versions);
        if (r.versions.length) setDe((d) => d || r.versions[0].nom);
      }, "versions-liste"),
    [lancer],
  );
  React.useEffect(() => {
    void charger();
  }, [charger]);

  // Each action's spinner, error and announcement right under its own button (Retour), not at the foot of the page.
  const enregistrer = (remplacer: boolean) =>
    lancer(
      async () => {
        setConfirmer(undefined);
        setEnregistree(undefined);
        setControlesEnregistres([]);
        const n = nom.trim();
        // The same name as the command decides it: case and accents aside (« Devis definitif » is « Devis définitif »).
        const existante = remplacer || !versions ? undefined : versionNommee(versions, n);
        if (existante) {
          setConfirmer(existante.nom);
          return;
        }
        const r = await envoyer("enregistrerVersion", { nom: n, auteur, masquer, remplacer, feuille });
        setVersions(r.versions);
        setDe((d) => d || r.version.nom);
        setControlesEnregistres(r.controles ?? []);
        const texte = typographie(
          `Version « ${r.version.nom} » ${r.remplacee ? "remplacée" : "enregistrée"} : ${compte(r.version.lignes, "ligne")}, ` +
            `${m(r.version.total)}${nonPlaces(r.version)} (feuille ${guillemets(r.feuille)}).`,
        );
        setEnregistree(texte);
        return texte;
      },
      "versions-enregistrer",
      (texte) => texte,
    );

  const comparer = () =>
    lancer(
      async () => {
        const r = await envoyer("comparerVersions", { de, a, ecrire: true, feuille, explique: true });
        explication.fermer();
        setResultat(r);
        return r;
      },
      "versions-comparer",
      (r) => `Comparaison faite : ${compte(changeesDe(r).length, "ligne changée", "lignes changées")}.`,
    );
  const allerDepuis = (action: string) => (cellule: string) =>
    void lancer(() => envoyer("selectionnerCellule", { cellule }), action);

  const c = resultat?.comparaison;
  const ex = resultat?.explications;
  const changees = resultat ? changeesDe(resultat) : [];
  const choixVersions = (versions ?? []).map((v) => ({ valeur: v.nom, libelle: v.nom }));
  return (
    <div className={styles.section}>
      <section className={styles.section} aria-label="Comparer deux versions">
        <Subtitle2>Comparer</Subtitle2>
        <ChampListe
          id={IDS.de}
          label="De la version"
          valeur={de}
          vide={versions?.length ? undefined : "(aucune version)"}
          options={choixVersions}
          onChange={setDe}
        />
        <ChampListe
          id={IDS.a}
          label="À"
          valeur={a}
          options={[{ valeur: COURANT, libelle: "Devis actuel" }, ...choixVersions]}
          onChange={setA}
        />
        <Button data-testid={IDS.comparer} onClick={comparer} disabled={occupe || !de} appearance="primary">
          Comparer
        </Button>
        <Retour commande={commande} action="versions-comparer" enCours="Comparaison des versions…" />
      </section>

      {/* The result right under « Comparer » (its Retour), not above it: the button does not move under the pointer. */}
      {c && (
        <section className={styles.section} aria-label="Résultat de la comparaison" data-testid={IDS.resultat}>
          <Subtitle2>
            {c.de} → {c.a === COURANT ? "devis actuel" : c.a}
          </Subtitle2>
          <div className={styles.chiffres}>
            <Text>Total</Text>
            <Text data-testid={IDS.total}>
              {m(c.total.de)} → {m(c.total.a)} (
              <ChiffreExplicable cle="total" trace={ex?.total} explication={explication} testId={IDS.expliquerTotal}>
                <Ecart delta={c.total.delta} />
              </ChiffreExplicable>
              )
            </Text>
          </div>
          {c.nonPlaces.lignesDe + c.nonPlaces.lignesA > 0 && (
            <div className={styles.chiffres} data-testid={IDS.nonPlaces}>
              <Caption1>{LIBELLE_NON_PLACE}</Caption1>
              <Caption1 className={styles.montant}>
                {m(c.nonPlaces.de)} → {m(c.nonPlaces.a)} (
                <ChiffreExplicable
                  cle="non-places"
                  trace={ex?.nonPlaces}
                  explication={explication}
                  testId={IDS.expliquerNonPlaces}
                >
                  <Ecart delta={c.nonPlaces.delta} />
                </ChiffreExplicable>
                )
              </Caption1>
            </div>
          )}
          {c.chapitres
            .filter((ch) => ch.delta !== 0)
            .map((ch) => (
              <div key={ch.code} className={styles.chiffres} data-testid={IDS.chapitre(ch.code)}>
                <Caption1>
                  {ch.code} {ch.libelle}
                </Caption1>
                <Caption1 className={styles.montant}>
                  <ChiffreExplicable
                    cle={`chapitre-${ch.code}`}
                    trace={ex?.chapitres[ch.code]}
                    explication={explication}
                    testId={IDS.expliquerChapitre(ch.code)}
                  >
                    <Ecart delta={ch.delta} />
                  </ChiffreExplicable>
                </Caption1>
              </div>
            ))}
          <PanneauTrace explication={sauf(explication, false)} onAller={allerDepuis("versions-aller-comparaison")} />
          {resultat?.coutDefinitif && (
            <FaceAuRealise
              d={resultat.coutDefinitif}
              traces={ex?.coutDefinitif}
              libelleA={c.a === COURANT ? "devis actuel" : `« ${c.a} »`}
              explication={explication}
            />
          )}
          <PanneauTrace explication={sauf(explication, true)} onAller={allerDepuis("versions-aller-comparaison")} />
          <Text>
            {changees.length
              ? `${compte(changees.length, "ligne changée", "lignes changées")}\u00a0: choisissez-en une pour aller à sa cellule.`
              : "Aucune ligne changée."}
          </Text>
          <ConstatsCliquables
            elements={changees.map((l) => {
              const ref = (l.a ?? l.de)!;
              // A line placed since the version (or no longer placed): one change, its chapter said.
              const deplacee = changementDeChapitre(l, c.de);
              return {
                groupe: l.statut,
                message: typographie(
                  `${ref.code ? `${ref.code} ` : ""}` +
                    (l.renommee && l.de ? `« ${l.de.libelle} » → « ${ref.libelle} »` : ref.libelle) +
                    (deplacee ? ` — ${deplacee}` : ""),
                ),
                detail: <Ecart delta={l.delta} />,
                cellule: ref.cellule,
              };
            })}
            groupes={GROUPES_CHANGEMENT}
            onAller={allerDepuis("versions-aller-comparaison")}
            etiquette="Lignes changées"
            testId={IDS.lignes}
            testIdElement={IDS.ligne}
          />
          {resultat?.feuille && (
            <Caption1>
              {typographie(
                `Feuille ${guillemets(resultat.feuille)} écrite` +
                  (resultat.commentaires
                    ? ` (${compte(resultat.commentaires, "commentaire conservé", "commentaires conservés")})`
                    : "") +
                  (resultat.realise ? `, avec le réalisé de la feuille ${guillemets("Écarts")}` : "") +
                  ".",
              )}
            </Caption1>
          )}
          <ControlesLus
            controles={resultat?.controles}
            onAller={allerDepuis("versions-aller-comparaison")}
            etiquette="Ce qui a été lu pour la comparaison"
            testId={IDS.constatsComparaison}
          />
          <Retour commande={commande} action="versions-aller-comparaison" enCours="Sélection de la cellule…" flottant />
        </section>
      )}

      <section className={styles.section} aria-label="Enregistrer une version">
        <Subtitle2>Enregistrer le devis comme version</Subtitle2>
        <ChampSaisie
          id={IDS.nom}
          label="Nom de la version"
          champ={champNomAffiche}
          list="prodbook-noms-versions"
          placeholder="Dépôt agrément provisoire"
        />
        <datalist id="prodbook-noms-versions">
          {SUGGESTIONS.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <ChampSaisie id={IDS.auteur} label="Auteur" champ={champAuteur} />
        <Checkbox
          checked={masquer}
          label="Masquer la feuille Versions"
          data-testid={IDS.masquer}
          onChange={(_, d) => setMasquer(!!d.checked)}
        />
        <Button
          data-testid={IDS.enregistrer}
          onClick={() => {
            if (nom.trim()) return enregistrer(false);
            setNomDemande(true);
            champNom.input.ref.current?.focus();
          }}
          disabled={occupe}
          {...retourFocus}
        >
          Enregistrer la version
        </Button>
        <Retour commande={commande} action="versions-enregistrer" enCours="Enregistrement de la version…" />
        {enregistree && <Text data-testid={IDS.enregistree}>{enregistree}</Text>}
        {enregistree && (
          <ControlesLus
            controles={controlesEnregistres}
            onAller={allerDepuis("versions-aller-version")}
            etiquette="Ce qui a été lu pour la version"
            testId={IDS.constatsEnregistrement}
          />
        )}
        <Retour commande={commande} action="versions-aller-version" enCours="Sélection de la cellule…" flottant />
      </section>

      <section className={styles.section} aria-label="Versions enregistrées">
        <Subtitle2>Versions enregistrées</Subtitle2>
        <Retour commande={commande} action="versions-liste" enCours="Lecture des versions…" />
        {versions && !versions.length && <Text>Aucune version enregistrée dans ce classeur.</Text>}
        <div className={styles.liste} data-testid={IDS.liste}>
          {versions?.map((v) => (
            <div key={v.nom} className={styles.chiffres}>
              <Caption1>
                <strong>{v.nom}</strong>
                {v.date ? ` · ${dateFr(v.date)}` : ""}
                {v.auteur ? ` · ${v.auteur}` : ""} · {compte(v.lignes, "ligne")}
              </Caption1>
              <Caption1 className={styles.montant}>{m(v.total)}</Caption1>
              {v.nonPlaces.length > 0 && <Caption1>{nonPlaces(v).replace(/^, /, "")}</Caption1>}
            </div>
          ))}
        </div>
      </section>

      <Dialog open={confirmer !== undefined} onOpenChange={(_, d) => !d.open && setConfirmer(undefined)}>
        <DialogSurface data-testid={IDS.confirmation}>
          <DialogBody>
            <DialogTitle>Remplacer la version ?</DialogTitle>
            <DialogContent>
              {typographie(
                `Une version « ${confirmer} » existe déjà. La remplacer par le devis actuel ? L'ancienne sera perdue.`,
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" data-testid={IDS.remplacer} onClick={() => enregistrer(true)}>
                Remplacer
              </Button>
              <Button data-testid={IDS.annuler} onClick={() => setConfirmer(undefined)}>
                Annuler
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
