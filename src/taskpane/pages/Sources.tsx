import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Link,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChampDate } from "../components/ChampDate";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import { nomTable } from "../../app/presentationRegles";
import type { AuditRegles, TableAudit } from "../../core/regles/audit";
import { suggestionCle } from "../../core/regles/parametres";
import { Retour } from "../components/Retour";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, guillemets, nombre, typographie } from "../francais";

/** Stable ids for tests of this page. */
export const IDS_SOURCES = {
  date: "sources-date",
  actualiser: "sources-actualiser",
  aVerifier: "sources-a-verifier",
  resume: "sources-resume",
  liste: "sources-liste",
  table: (id: string) => `sources-table-${id}`,
  confiance: (id: string) => `sources-confiance-${id}`,
  periodes: (id: string) => `sources-periodes-${id}`,
  surcharges: "sources-surcharges-orphelines",
} as const;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  entete: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  // A rule between tables: each badge reads with the title above it, not with the next one.
  bareme: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  panneau: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figure: { fontVariantNumeric: "tabular-nums" },
});

const aujourdhui = () => new Date().toISOString().slice(0, 10);

/**
 * A table's title in the list: its French name, the one every page of the pane gives it (nomTable), unique and whole;
 * its description (« Taux globaux … en fraction du brut, p… » cut, two tables alike) stays in the panel.
 */
function titre(t: TableAudit): string {
  return nomTable(t.id) ?? t.description.split(" : ")[0];
}

/**
 * « Sources »: every regulatory table Prodbook uses, with the version in force on a date, its figures, sources
 * (links open in a new window) and confidence — anything not read in a primary text is « à vérifier », with why —
 * and the overrides of this workbook's « Paramètres » sheet.
 */
export function Sources() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const [date, setDate] = React.useState(aujourdhui());
  const [seulementAVerifier, setSeulementAVerifier] = React.useState(false);
  const [audit, setAudit] = React.useState<AuditRegles>();

  const charger = React.useCallback(
    (d: string) =>
      lancer(
        async () => {
          const a = await envoyer("reglesEnVigueur", { date: d });
          setAudit(a);
          return a;
        },
        "sources-afficher",
        // Only the tables with a version on that date are in force (before 2016, few are).
        (a) => `${compte(a.tables.filter((t) => t.version).length, "barème")} en vigueur le ${dateFr(d)}.`,
      ),
    [lancer],
  );
  React.useEffect(() => {
    void charger(aujourdhui());
  }, [charger]);

  const tables = audit?.tables.filter((t) => !seulementAVerifier || !t.version || t.version.aVerifier) ?? [];
  const nAVerifier = audit?.tables.filter((t) => t.version?.aVerifier).length ?? 0;
  // A table without a version on that date was read nowhere: counted apart, never among those read in the text.
  const nSansVersion = audit?.tables.filter((t) => !t.version).length ?? 0;
  const nLus = (audit?.tables.length ?? 0) - nAVerifier - nSansVersion;
  const orphelines = Object.entries(audit?.surchargesNonRattachees ?? {});

  return (
    <section className={styles.page} aria-label="Sources des règles">
      {audit && (
        <Text data-testid={IDS_SOURCES.resume}>
          Le {dateFr(audit.date)}
          {"\u00a0"}: {compte(audit.tables.length, "barème")}, dont {compte(nLus, "lu", "lus")} dans le texte officiel
          {nSansVersion > 0 ? ", " : " et "}
          {nAVerifier}
          {"\u00a0"}à vérifier
          {nSansVersion > 0 && ` et ${nombre(nSansVersion)}\u00a0sans version à cette date`}.
        </Text>
      )}
      <div className={styles.ligne}>
        <ChampDate label="Règles en vigueur le" data-testid={IDS_SOURCES.date} value={date} onChange={setDate} />
        <Button data-testid={IDS_SOURCES.actualiser} onClick={() => void charger(date)} disabled={occupe || !date}>
          Afficher
        </Button>
      </div>
      {/* Right under « Afficher »: the spinner while the tables are read, then their error. */}
      <Retour commande={commande} action="sources-afficher" enCours="Lecture des barèmes…" />
      <Checkbox
        data-testid={IDS_SOURCES.aVerifier}
        checked={seulementAVerifier}
        onChange={(_, d) => setSeulementAVerifier(!!d.checked)}
        label="Seulement les chiffres à vérifier"
      />
      {orphelines.length > 0 && (
        <div data-testid={IDS_SOURCES.surcharges}>
          <Text weight="semibold">Paramètres du classeur qu'aucun barème ne lit (faute de frappe ?)</Text>
          <ul className={styles.liste}>
            {orphelines.map(([cle, s]) => (
              <li key={cle}>
                {cle} = {s.lisible} ({s.cellule}){typographie(suggestionCle(s.proches ?? []))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {audit && (
        <Accordion multiple collapsible data-testid={IDS_SOURCES.liste}>
          {tables.map((t) => (
            <Bareme key={t.id} t={t} />
          ))}
        </Accordion>
      )}
    </section>
  );
}

function Bareme({ t }: { t: TableAudit }) {
  const styles = useStyles();
  const v = t.version;
  const surcharges = Object.entries(t.surcharges);
  const refusees = Object.entries(t.surchargesRefusees ?? {});
  return (
    <AccordionItem value={t.id} className={styles.bareme} data-testid={IDS_SOURCES.table(t.id)}>
      <AccordionHeader size="small">
        <span className={styles.entete}>
          <span>{titre(t)}</span>
          <span data-testid={IDS_SOURCES.confiance(t.id)}>
            {!v ? (
              <Badge appearance="tint" color="danger">
                aucune version à cette date
              </Badge>
            ) : v.aVerifier ? (
              <Badge appearance="tint" color="warning">
                à vérifier
              </Badge>
            ) : (
              <Badge appearance="tint" color="success">
                texte officiel
              </Badge>
            )}
            {surcharges.length > 0 && (
              <Badge appearance="tint" color="informative">
                remplacé par le classeur
              </Badge>
            )}
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panneau}>
          <Text size={200}>{typographie(t.description)}</Text>
          {!v ? (
            <Text>Aucune version en vigueur à cette date.</Text>
          ) : (
            <>
              <Text>
                En vigueur du {dateFr(v.effetDu)} {v.effetAu ? `au ${dateFr(v.effetAu)}` : "à ce jour"} —{" "}
                {v.aVerifier ? "à vérifier" : "texte officiel lu"}
              </Text>
              {v.motifConfiance && (
                <Text size={200}>
                  <strong>Pourquoi à vérifier : </strong>
                  {typographie(v.motifConfiance)}
                </Text>
              )}
              <Text weight="semibold">Sources</Text>
              <ul className={styles.liste}>
                {v.sources.map((s) => (
                  <li key={s.url + s.titre}>
                    <Link href={s.url} target="_blank" rel="noopener noreferrer">
                      {typographie(s.titre)}
                    </Link>
                  </li>
                ))}
              </ul>
              <Text weight="semibold">Chiffres</Text>
              <ul className={styles.liste}>
                {v.lisibles.map((f, i) => (
                  <li key={i} className={styles.figure}>
                    {/* A date figure (« fixé le = 05/12/2026 » as the sheets write it) in words, as everywhere in the pane. */}
                    {f.chemin} : {typographie(f.valeur)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Text weight="semibold">{t.periodes.length > 1 ? "Périodes" : "Période"}</Text>
          <ul className={styles.liste} data-testid={IDS_SOURCES.periodes(t.id)}>
            {t.periodes.map((p) => (
              <li key={p.effetDu}>
                du {dateFr(p.effetDu)} {p.effetAu ? `au ${dateFr(p.effetAu)}` : "à ce jour"}{" "}
                {p.aVerifier ? (
                  <Badge appearance="tint" color="warning" size="small">
                    à vérifier
                  </Badge>
                ) : (
                  <Badge appearance="outline" color="success" size="small">
                    texte officiel
                  </Badge>
                )}
              </li>
            ))}
          </ul>
          {surcharges.length > 0 && (
            <>
              <Text weight="semibold">Remplacé par la feuille {guillemets("Paramètres")} de ce classeur</Text>
              <ul className={styles.liste}>
                {surcharges.map(([cle, s]) => (
                  <li key={cle}>
                    {cle} = {s.lisible} ({s.cellule})
                  </li>
                ))}
              </ul>
            </>
          )}
          {refusees.length > 0 && (
            <>
              <Text weight="semibold">Refusé par le calcul (corrigez la feuille {guillemets("Paramètres")})</Text>
              <ul className={styles.liste}>
                {refusees.map(([cle, s]) => (
                  <li key={cle}>{s.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
