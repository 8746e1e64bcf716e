import {
  Badge,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import { lienTexte } from "../../app/liensTextes";
import type { Suite, TableauDeBord as Resume } from "../../app/commandes/tableauDeBord";
import { chiffresTotauxEcarts } from "../../app/ecartsTotaux";
import type { Source } from "../../core/regles/table";
import { cents, formatEcartFr, formatMontantFr, formatPourcentFr, type Cents } from "../../core/money";
import { DetailsSources } from "../components/DetailsSources";
import { LienSource } from "../components/TextesAppliques";
import { Retour } from "../components/Retour";
import { URL_AIDE } from "../components/LienAide";
import { ICONE_INTENTION } from "../components/iconeIntention";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, guillemets, typographie } from "../francais";
import { GENRES, REGIMES, libelle } from "../listes";
import { useNavigation } from "../navigation";
import { useProduction } from "../production";
import { IDS_TABLEAU_DE_BORD as IDS } from "./tableauDeBordIds";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  entete: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  titrePage: { flexGrow: 1, margin: 0 },
  titre: { margin: 0 },
  bloc: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  titreBloc: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  chiffres: { display: "flex", flexDirection: "column", gap: "2px", margin: 0 },
  chiffre: {
    display: "flex",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  libelle: { color: tokens.colorNeutralForeground2, margin: 0 },
  valeur: {
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    marginLeft: "auto",
    textAlign: "right",
    overflowWrap: "anywhere",
  },
  phrase: { overflowWrap: "anywhere" },
  suite: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal", textAlign: "left" },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const m = (c: Cents) => formatMontantFr(c);
/** « +1 250,00 € » for an overspend, « −300,00 € » under budget. */
const signe = formatEcartFr;

type Couleur = "success" | "warning" | "danger" | "informative" | "subtle";

function Chiffre({ libelle: l, valeur, id }: { libelle: string; valeur: React.ReactNode; id: string }) {
  const styles = useStyles();
  return (
    <div className={styles.chiffre}>
      <dt className={styles.libelle}>{l}</dt>
      <dd className={styles.valeur} data-testid={id}>
        {valeur}
      </dd>
    </div>
  );
}

function Bloc({
  id,
  titre,
  etat,
  bloc,
  children,
}: {
  id: string;
  titre: string;
  etat: { texte: string; couleur: Couleur };
  bloc: { absent?: string; probleme?: string; suite: Suite };
  children?: React.ReactNode;
}) {
  const styles = useStyles();
  const aller = useNavigation();
  return (
    <section className={styles.bloc} aria-label={titre} data-testid={IDS.bloc(id)}>
      <div className={styles.titreBloc}>
        <Subtitle2 as="h3" className={styles.titre}>
          {titre}
        </Subtitle2>
        {/* The state in words (never colour alone). */}
        <Badge appearance="tint" color={etat.couleur} data-testid={IDS.etat(id)}>
          {etat.texte}
        </Badge>
      </div>
      {bloc.absent && (
        <Text className={styles.phrase} data-testid={IDS.absent(id)}>
          {typographie(bloc.absent)}
        </Text>
      )}
      {bloc.probleme && (
        <MessageBar layout="multiline" intent="warning" icon={ICONE_INTENTION.warning} data-testid={IDS.probleme(id)}>
          <MessageBarBody className={styles.phrase}>{typographie(bloc.probleme)}</MessageBarBody>
        </MessageBar>
      )}
      {children && <dl className={styles.chiffres}>{children}</dl>}
      <Button
        className={styles.suite}
        appearance="primary"
        size="small"
        data-testid={IDS.suite(id)}
        onClick={() => aller(bloc.suite.page)}
      >
        {bloc.suite.texte}
      </Button>
    </section>
  );
}

function Liens({ sources }: { sources: Source[] }) {
  const styles = useStyles();
  if (sources.length === 0) return null;
  return (
    <ul className={styles.liste}>
      {sources.map(lienTexte).map((l) => (
        <li key={l.url}>
          <LienSource url={l.url} titre={l.titre} libelle={l.libelle} />
        </li>
      ))}
    </ul>
  );
}

const constatsEnMots = (c: Record<"erreur" | "alerte" | "info", number>) =>
  [compte(c.erreur, "erreur"), compte(c.alerte, "alerte"), compte(c.info, "information")].join(" · ");

/**
 * The home page: the production at a glance from the workbook as it is (devis, financement, crédit d'impôt,
 * écarts, planning), each block with what to do next and a button to its page; details in « Détails et sources ».
 */
export function TableauDeBord() {
  const styles = useStyles();
  const production = useProduction();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const [resume, setResume] = React.useState<Resume>();
  const [calculeAvec, setCalculeAvec] = React.useState<string>();
  const contexte = JSON.stringify(production.contexte);

  const actualiser = React.useCallback(
    () =>
      lancer(
        async () => {
          const c = production.contexte;
          const r = await envoyer("lireTableauDeBord", { contexte: c });
          setResume(r);
          setCalculeAvec(JSON.stringify(c));
          return r;
        },
        "tdb-actualiser",
        () => "Tableau de bord à jour.",
      ),
    [lancer, production.contexte],
  );

  // First reading once the production context is known.
  const lu = React.useRef(false);
  React.useEffect(() => {
    if (production.pret && !lu.current) {
      lu.current = true;
      void actualiser();
    }
  }, [production.pret, actualiser]);

  // Back on this page (its tab chosen again, or a block's page left): the workbook may have changed, read it again.
  const racine = React.useRef<HTMLDivElement>(null);
  const dernier = React.useRef(actualiser);
  dernier.current = actualiser;
  React.useEffect(() => {
    const e = racine.current;
    if (!e || typeof ResizeObserver === "undefined") return;
    let visible = e.offsetParent !== null;
    const o = new ResizeObserver(() => {
      const maintenant = e.offsetParent !== null;
      if (maintenant && !visible && lu.current) void dernier.current();
      visible = maintenant;
    });
    o.observe(e);
    return () => o.disconnect();
  }, []);

  const r = resume;
  return (
    <div className={styles.page} ref={racine}>
      <div className={styles.entete}>
        <Subtitle2 as="h2" className={styles.titrePage}>
          Tableau de bord
        </Subtitle2>
        <Button data-testid={IDS.actualiser} onClick={() => void actualiser()} disabled={occupe}>
          Actualiser
        </Button>
      </div>
      <Retour commande={commande} action="tdb-actualiser" enCours="Lecture du classeur…" />
      {r && calculeAvec !== contexte && !occupe && (
        <Caption1 data-testid={IDS.perime}>La production a changé depuis : actualisez pour recalculer.</Caption1>
      )}
      {r && (
        <>
          <BlocDevis r={r} />
          <BlocFinancement r={r} />
          <BlocCredit r={r} />
          <BlocEcarts r={r} />
          <BlocPlanning r={r} />
          <Details r={r} />
        </>
      )}
    </div>
  );
}

function BlocDevis({ r }: { r: Resume }) {
  const d = r.devis;
  const etat: { texte: string; couleur: Couleur } = d.absent
    ? { texte: "Absent", couleur: "subtle" }
    : d.probleme
      ? { texte: "Illisible", couleur: "danger" }
      : d.feuilleStructuree
        ? { texte: "Structuré", couleur: "success" }
        : { texte: "Non structuré", couleur: "warning" };
  return (
    <Bloc id="devis" titre="Devis" etat={etat} bloc={d}>
      {/* Which devis these figures are from, first: the sheet read (the production's, or the one detected). */}
      {d.source && <Chiffre libelle="Feuille" valeur={guillemets(d.source)} id={IDS.chiffre("devis", "feuille")} />}
      {d.total !== undefined && (
        <>
          <Chiffre libelle="Total" valeur={m(d.total)} id={IDS.chiffre("devis", "total")} />
          <Chiffre
            libelle="Coût par minute"
            valeur={d.coutMinute !== undefined ? m(d.coutMinute) : "durée à indiquer"}
            id={IDS.chiffre("devis", "cout-minute")}
          />
          <Chiffre libelle="Constats" valeur={constatsEnMots(d.constats)} id={IDS.chiffre("devis", "constats")} />
        </>
      )}
    </Bloc>
  );
}

function BlocFinancement({ r }: { r: Resume }) {
  const f = r.financement;
  const etat: { texte: string; couleur: Couleur } = f.absent
    ? { texte: "Absent", couleur: "subtle" }
    : f.probleme
      ? { texte: "Illisible", couleur: "danger" }
      : f.equilibre === undefined
        ? { texte: "Coût inconnu", couleur: "warning" }
        : f.equilibre
          ? // Balanced on the plan's own cost, a devis beside it with another total: said in the badge, not green.
            f.ecartDevis
            ? { texte: "Équilibré sur le coût du plan", couleur: "warning" }
            : { texte: "Équilibré", couleur: "success" }
          : (f.resteAFinancer ?? 0) > 0
            ? { texte: "À boucler", couleur: "warning" }
            : { texte: "Excédent", couleur: "warning" };
  return (
    <Bloc id="financement" titre="Financement" etat={etat} bloc={f}>
      {f.total !== undefined && (
        <>
          {f.resteAFinancer !== undefined && (
            <Chiffre
              libelle={f.resteAFinancer < 0 ? "Excédent" : "Reste à financer"}
              valeur={m(cents(Math.abs(f.resteAFinancer)))}
              id={IDS.chiffre("financement", "reste")}
            />
          )}
          <Chiffre libelle="Financements" valeur={m(f.total)} id={IDS.chiffre("financement", "total")} />
          {/* The plan's own cost used, the devis only compared (cout-plan-devis): where the cost comes from, the gap. */}
          {f.ecartDevis && (
            <>
              <Chiffre
                libelle="Coût retenu"
                valeur={`coût du plan, ${f.ecartDevis.cellule}`}
                id={IDS.chiffre("financement", "origine-cout")}
              />
              <Chiffre
                libelle="Écart au devis"
                valeur={signe(f.ecartDevis.ecart)}
                id={IDS.chiffre("financement", "ecart-devis")}
              />
            </>
          )}
          {f.intensite !== undefined && f.plafond !== undefined && (
            <Chiffre
              libelle="Aides publiques"
              valeur={`${formatPourcentFr(f.intensite)} (plafond ${formatPourcentFr(f.plafond)})${
                f.depassePlafond ? " — dépassé" : ""
              }`}
              id={IDS.chiffre("financement", "intensite")}
            />
          )}
        </>
      )}
    </Bloc>
  );
}

function BlocCredit({ r }: { r: Resume }) {
  const c = r.creditImpot;
  const regime = libelle(REGIMES, c.regime) ?? c.regime;
  const etat: { texte: string; couleur: Couleur } =
    c.credit === undefined
      ? c.probleme
        ? { texte: "Illisible", couleur: "danger" }
        : { texte: "À calculer", couleur: "subtle" }
      : c.aVerifier.length > 0
        ? { texte: "Estimation à vérifier", couleur: "warning" }
        : { texte: "Estimé", couleur: "success" };
  return (
    <Bloc id="credit-impot" titre="Crédit d'impôt" etat={etat} bloc={c}>
      {c.credit !== undefined && (
        <>
          <Chiffre libelle="Estimation" valeur={m(c.credit)} id={IDS.chiffre("credit-impot", "credit")} />
          <Chiffre
            libelle="Régime"
            valeur={`${regime}${c.genre ? ` · ${libelle(GENRES, c.genre) ?? c.genre}` : ""}`}
            id={IDS.chiffre("credit-impot", "regime")}
          />
          {c.taux !== undefined && c.base !== undefined && (
            <Chiffre
              libelle="Taux × base"
              valeur={`${formatPourcentFr(c.taux)} × ${m(c.base)}`}
              id={IDS.chiffre("credit-impot", "taux")}
            />
          )}
        </>
      )}
    </Bloc>
  );
}

/** The first cells of a list, then how many more: « Écarts!C5, Écarts!E5, Écarts!C6 et 9 autres ». */
function cellules(liste: string[]): string {
  const n = liste.length - 3;
  return liste.slice(0, 3).join(", ") + (n > 0 ? ` et ${compte(n, "autre")}` : "");
}

function BlocEcarts({ r }: { r: Resume }) {
  const e = r.ecarts;
  const t = e.totaux;
  // Formulas saved without their values: the sums would be false, so no figure is shown, only what to do.
  const aRecalculer = !!t && t.sansValeur.length > 0;
  const etat: { texte: string; couleur: Couleur } = !t
    ? { texte: "Pas de FEC rapproché", couleur: "subtle" }
    : aRecalculer
      ? { texte: "À recalculer", couleur: "warning" }
      : t.alertes.length > 0
        ? { texte: compte(t.alertes.length, "chapitre en alerte", "chapitres en alerte"), couleur: "danger" }
        : { texte: "Sous les seuils", couleur: "success" };
  return (
    <Bloc id="ecarts" titre="Écarts" etat={etat} bloc={e}>
      {t && aRecalculer && (
        <Text data-testid={IDS.chiffre("ecarts", "a-recalculer")}>
          {compte(t.sansValeur.length, "formule", "formules")} de la feuille {guillemets(e.feuille ?? "Écarts")}{" "}
          {t.sansValeur.length > 1 ? "n'ont" : "n'a"} pas de valeur calculée ({cellules(t.sansValeur)}){"\u00a0"}: les
          totaux seraient faux. Recalculez le classeur (F9, ou Formules › Calculer maintenant).
        </Text>
      )}
      {t && !aRecalculer && (
        <>
          {/* The words and figures of the Écarts page's headline (src/app/ecartsTotaux.ts), as the sheet holds them. */}
          {chiffresTotauxEcarts(t).map((c) => (
            <Chiffre key={c.id} libelle={c.terme} valeur={c.valeur} id={IDS.chiffre("ecarts", c.id)} />
          ))}
        </>
      )}
    </Bloc>
  );
}

function BlocPlanning({ r }: { r: Resume }) {
  const p = r.planning;
  const etat: { texte: string; couleur: Couleur } = !p.pad
    ? { texte: p.feuilleEtapes ? "À calculer" : "Absent", couleur: "subtle" }
    : (p.joursAvantPad ?? 0) < 0
      ? { texte: "PAD passé", couleur: "informative" }
      : { texte: "Calculé", couleur: "success" };
  const jours = p.joursAvantPad;
  return (
    <Bloc id="planning" titre="Planning" etat={etat} bloc={p}>
      {p.pad && (
        <>
          <Chiffre
            libelle="Livraison (PAD)"
            valeur={`${dateFr(p.pad)}${
              jours === undefined
                ? ""
                : jours > 0
                  ? `, dans ${compte(jours, "jour")}`
                  : jours === 0
                    ? ", aujourd'hui"
                    : `, il y a ${compte(-jours, "jour")}`
            }`}
            id={IDS.chiffre("planning", "pad")}
          />
          <Chiffre
            libelle="Chemin critique"
            valeur={compte(p.cheminCritique.length, "étape critique", "étapes critiques")}
            id={IDS.chiffre("planning", "critique")}
          />
          <Chiffre
            libelle="Marge hors chemin critique"
            valeur={
              p.margeMinimale
                ? `${compte(p.margeMinimale.jours, "jour ouvré", "jours ouvrés")} (${p.margeMinimale.etape})`
                : "aucune étape hors chemin critique"
            }
            id={IDS.chiffre("planning", "marge")}
          />
        </>
      )}
    </Bloc>
  );
}

/** Where each figure comes from: sheets, cells left out, rules and their texts (links). */
function Details({ r }: { r: Resume }) {
  const styles = useStyles();
  const { devis: d, financement: f, creditImpot: c, ecarts: e, planning: p } = r;
  return (
    <DetailsSources testId={IDS.details}>
      <Text size={200}>Calculé le {dateFr(r.date)} à partir du classeur tel qu'il est, sans rien y écrire.</Text>
      <Subtitle2 as="h3">Devis</Subtitle2>
      <ul className={styles.liste}>
        {d.source && (
          <li>
            Feuille lue{"\u00a0"}: {guillemets(d.source)}
          </li>
        )}
        {d.lignes !== undefined && <li>{compte(d.lignes, "ligne de devis", "lignes de devis")}</li>}
        <li>
          {d.feuilleStructuree
            ? `Feuille Devis de Prodbook\u00a0: ${guillemets(d.feuilleStructuree)}`
            : "Pas encore de feuille Devis écrite par Prodbook."}
        </li>
      </ul>
      <Subtitle2 as="h3">Financement</Subtitle2>
      <ul className={styles.liste}>
        {f.source && (
          <li>
            Plan lu{"\u00a0"}: {guillemets(f.source)}
          </li>
        )}
        {f.cout !== undefined && (
          <li>
            Coût de production{"\u00a0"}: {m(f.cout)}
            {f.origineCout && ` (${f.origineCout})`}
          </li>
        )}
        {f.ecartDevis && (
          <li>
            Devis comparé{"\u00a0"}: {guillemets(f.ecartDevis.feuilleDevis)}, {m(f.ecartDevis.totalDevis)}, non retenu
            comme coût (choisissez sa feuille dans la production pour vérifier le plan sur son total)
          </li>
        )}
        {f.aidesPubliques !== undefined && (
          <li>
            Aides publiques{"\u00a0"}: {m(f.aidesPubliques)}
          </li>
        )}
        {f.motifPlafond && (
          <li>
            Plafond{"\u00a0"}: {typographie(f.motifPlafond)}
          </li>
        )}
        {f.erreurs > 0 && <li>{compte(f.erreurs, "erreur", "erreurs")} dans le plan (page Financement)</li>}
      </ul>
      <Liens sources={f.sources} />
      <Subtitle2 as="h3">Crédit d'impôt</Subtitle2>
      <ul className={styles.liste}>
        {c.annee !== undefined && <li>Dépenses de {c.annee}</li>}
        {c.eligible === false && <li>Conditions d'éligibilité non remplies (page Crédit d'impôt)</li>}
        {c.aVerifier.length > 0 && (
          <li>
            À vérifier{"\u00a0"}: {compte(c.aVerifier.length, "barème utilisé n'a", "barèmes utilisés n'ont")} pas de
            texte officiel pour source (page Sources).
          </li>
        )}
      </ul>
      <Liens sources={c.sources} />
      <Subtitle2 as="h3">Écarts</Subtitle2>
      <ul className={styles.liste}>
        {e.feuille && (
          <li>
            Feuille lue{"\u00a0"}: {guillemets(e.feuille)}
          </li>
        )}
        {e.grandLivre && (
          <li>
            Grand livre{"\u00a0"}: {guillemets(e.grandLivre)}
          </li>
        )}
        {e.fec && (
          <li>
            FEC chargé{"\u00a0"}: {guillemets(e.fec.nom)} ({compte(e.fec.lignes, "ligne")})
          </li>
        )}
        {e.totaux && (
          <li>
            {compte(e.totaux.chapitres, "chapitre")}.{" "}
            {typographie("Écart = réalisé − budget ; écart estimé = estimation finale − budget.")}
          </li>
        )}
        {e.totaux && e.totaux.illisibles.length > 0 && (
          <li>
            Cellules non numériques laissées hors des totaux{"\u00a0"}: {e.totaux.illisibles.join(", ")}
          </li>
        )}
      </ul>
      <Subtitle2 as="h3">Planning</Subtitle2>
      <ul className={styles.liste}>
        {p.feuille && (
          <li>
            Feuille lue{"\u00a0"}: {guillemets(p.feuille)}
          </li>
        )}
        {p.feuilleEtapes && (
          <li>
            Étapes{"\u00a0"}: {guillemets(p.feuilleEtapes)}
          </li>
        )}
        {p.debut && (
          <li>
            Début{"\u00a0"}: {dateFr(p.debut)}
          </li>
        )}
        {p.cheminCritique.length > 0 && (
          <li>
            Chemin critique{"\u00a0"}: {p.cheminCritique.join(" → ")}
          </li>
        )}
      </ul>
      <Text size={200}>
        <Link href={URL_AIDE} target="_blank" rel="noopener noreferrer">
          Aide de Prodbook
        </Link>
        {" · "}
        Chaque bloc est calculé comme sur la page qu'il ouvre.
      </Text>
    </DetailsSources>
  );
}
