import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tableHeaderCellClassNames,
  tokens,
} from "@fluentui/react-components";
import { Warning16Filled } from "@fluentui/react-icons";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { ConversionLisible, ResultatCarbone } from "../../app/commandes/carbone";
import { ChampFeuille } from "../components/Champ";
import { ConstatsCliquables, type GroupeConstats } from "../components/ConstatsCliquables";
import { DetailsSources } from "../components/DetailsSources";
import { Retour } from "../components/Retour";
import { BadgeAVerifier, ChiffresRetenus, TextesAppliques } from "../components/TextesAppliques";
import { useCommande } from "../components/useCommande";
import { compte, guillemets, typographie } from "../francais";
import { useProduction } from "../production";

/** Test ids of this page (kept here: the page is self-contained). */
export const IDS_CARBONE = {
  planning: "carbone-planning",
  estimer: "carbone-estimer",
  ecrire: "carbone-ecrire",
  total: "carbone-total",
  parts: "carbone-parts",
  categories: "carbone-categories",
  categorie: (code: string) => `carbone-categorie-${code}`,
  /** The lines of a category counted in weeks or months, turned into days of use. */
  conversions: (code: string) => `carbone-conversions-${code}`,
  manquants: "carbone-manquants",
  manquant: (i: number) => `carbone-manquant-${i}`,
  message: "carbone-message",
  homologation: "carbone-homologation",
  aVerifier: "carbone-a-verifier",
  details: "carbone-details",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  total: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  titre: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  nombre: { textAlign: "right", whiteSpace: "nowrap" },
  enteteNombre: { [`& .${tableHeaderCellClassNames.button}`]: { justifyContent: "flex-end" } },
  // The table shares its width equally by default: at 350 px « Hébergement » would break inside the word. The figures
  // take the width of « non chiffré », the category the rest.
  colonneChiffre: { width: "5.5rem" },
  colonneDefinitif: { width: "4.75rem" },
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  conversions: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
});

/**
 * « Location caméra : 3 semaines → 15 jours d'utilisation (5 jours par semaine, à vérifier) »: how a line counted in
 * weeks or months became days of use, with the convention's standing (« à vérifier » below H, or the Paramètres sheet).
 */
const texteConversion = (c: ConversionLisible) =>
  typographie(
    `${c.libelle} : ${c.texte} (${c.regle}${c.mention ? `, ${c.mention}` : ""})` +
      (c.corrigee ? ` ; quantité corrigée dans la feuille « Bilan carbone » : ${c.corrigee}` : ""),
  );

/** The carbon findings are all of one kind: data to complete. */
const A_COMPLETER: GroupeConstats = {
  cle: "a-completer",
  titre: "À compléter",
  nom: "À compléter",
  icone: <Warning16Filled />,
  couleur: "warning",
};

/** « 2.63 » → « 2,63 » (French decimal comma). */
const fr = (s: string) => s.replace(".", ",");
const pourcent = (s: string) => `${fr((Number(s) * 100).toFixed(1))} %`;
/** A cell the pane can select (« Feuille!B12 »), not a description such as « PDT (plan de travail) ». */
const estCellule = (c: string) => /^('[^']+'|[^'!\s]+)![A-Z]{1,3}\d+$/.test(c);

export function Carbone() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const production = useProduction();
  // The pane keeps pages mounted: the plan chosen and the last result stay while the user visits other pages.
  const [planning, setPlanning] = React.useState("");
  const [resultat, setResultat] = React.useState<ResultatCarbone>();
  const [message, setMessage] = React.useState<string>();

  // Each action's spinner, error and announcement under its own button (Retour).
  const executer = (ecrire: boolean) =>
    lancer(
      async () => {
        const r = await envoyer(ecrire ? "ecrireBilanCarbone" : "estimerCarbone", {
          planning: planning || undefined,
          feuille: production.contexte.feuilleDevis,
        });
        setResultat(r);
        setMessage(
          ecrire
            ? typographie(
                `Feuilles écrites : ${r.bilan.feuilles.map(guillemets).join(", ")}.` +
                  (r.corrections
                    ? ` ${compte(r.corrections, "correction gardée", "corrections gardées")} dans « Bilan carbone ».`
                    : ""),
              )
            : undefined,
        );
        return r;
      },
      ecrire ? "carbone-ecrire" : "carbone-estimer",
      (r) => typographie(`Pré-estimation : ${fr(r.bilan.total)} t CO2e.`),
    );
  const aller = (cellule: string) => lancer(() => envoyer("selectionnerCellule", { cellule }), "carbone-aller");

  const b = resultat?.bilan;
  const p = resultat?.presentation;
  const nAVerifier = p?.facteurs.filter((f) => f.aVerifier).length ?? 0;
  return (
    <section className={styles.page} aria-label="Bilan carbone">
      <Caption1>
        Données d'activité du bilan carbone (transports, hébergement, repas, matériel, énergie, achats) lues dans le
        devis et le plan de travail, et une pré-estimation en tonnes de CO2e.
      </Caption1>
      <ChampFeuille id={IDS_CARBONE.planning} label="Plan de travail" valeur={planning} onChange={setPlanning} />
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={occupe}
          data-testid={IDS_CARBONE.estimer}
          onClick={() => executer(false)}
        >
          {resultat ? "Recalculer" : "Estimer"}
        </Button>
        <Button disabled={occupe || !resultat} data-testid={IDS_CARBONE.ecrire} onClick={() => executer(true)}>
          Écrire Bilan carbone et Export
        </Button>
      </div>
      <Retour commande={commande} action="carbone-estimer" enCours="Lecture du devis et du plan de travail…" />
      <Retour commande={commande} action="carbone-ecrire" enCours="Écriture des feuilles Bilan carbone et Export…" />
      {message && <Text data-testid={IDS_CARBONE.message}>{message}</Text>}
      {b && (
        <div className={styles.total}>
          <span className={styles.titre}>
            <Title3 data-testid={IDS_CARBONE.total}>{fr(b.total)} t CO2e</Title3>
            {p?.totalAVerifier && <BadgeAVerifier />}
          </span>
          <Caption1>
            Prévisionnel{b.definitif !== null ? ` · définitif ${fr(b.definitif)} t CO2e` : ""}
            {resultat?.feuilleDevis ? ` · devis ${guillemets(resultat.feuilleDevis)}` : ""}
            {b.plan ? ` · plan de travail ${guillemets(b.plan.feuille)}` : ""}
          </Caption1>
          <Text size={200} data-testid={IDS_CARBONE.parts}>
            Données d'activité {pourcent(b.partActivite)} · ratios monétaires {pourcent(b.partMonetaire)}
          </Text>
          {nAVerifier > 0 && (
            <Caption1 data-testid={IDS_CARBONE.aVerifier}>
              {typographie(
                `À vérifier : ${compte(nAVerifier, "facteur d'émission vient", "facteurs d'émission viennent")} de ` +
                  "sources secondaires, pas d'un texte officiel lu (liste dans « Détails et sources »).",
              )}
            </Caption1>
          )}
        </div>
      )}
      {b && (
        <Table size="small" data-testid={IDS_CARBONE.categories} aria-label="Estimation par catégorie">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Catégorie</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.enteteNombre, styles.colonneChiffre)}>
                t CO2e
              </TableHeaderCell>
              {b.definitif !== null && (
                <TableHeaderCell className={mergeClasses(styles.enteteNombre, styles.colonneDefinitif)}>
                  Définitif
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {b.categories.map((c) => {
              const aCompleter = c.activites.filter((a) => a.methode === "à compléter").length;
              const manquant = c.activites.filter((a) => a.methode === "facteur manquant").length;
              const conversions = p?.conversions.filter((x) => x.categorie === c.code) ?? [];
              return (
                <TableRow key={c.code} data-testid={IDS_CARBONE.categorie(c.code)}>
                  <TableCell>
                    <Text block>{c.libelle}</Text>
                    <Caption1>
                      {compte(c.activites.length, "ligne")}
                      {aCompleter ? ` · ${aCompleter} à compléter` : ""}
                      {manquant ? ` · ${compte(manquant, "facteur manquant", "facteurs manquants")}` : ""}
                    </Caption1>
                    {p?.categoriesAVerifier.includes(c.code) && (
                      <>
                        {" "}
                        <BadgeAVerifier />
                      </>
                    )}
                    {conversions.length > 0 && (
                      <ul
                        className={styles.conversions}
                        data-testid={IDS_CARBONE.conversions(c.code)}
                        aria-label="Durées converties en jours d'utilisation"
                      >
                        {conversions.map((x) => (
                          <li key={x.cellule}>
                            <Caption1>{texteConversion(x)}</Caption1>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className={styles.nombre}>
                    {/* No line of the category could be computed (distances or factors missing): « 0,00 » would read as
                        no emissions at all. */}
                    {c.nonChiffree ? "non chiffré" : fr(c.tCO2e)}
                  </TableCell>
                  {b.definitif !== null && (
                    <TableCell className={styles.nombre}>
                      {/* No réalisé for the category's lines: unknown, not 0 t. */}
                      {c.tCO2eDefinitif === null ? (
                        <span aria-label="pas de réalisé" title="Pas de réalisé pour ces lignes">
                          —
                        </span>
                      ) : (
                        fr(c.tCO2eDefinitif)
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <MessageBar layout="multiline" intent="info" data-testid={IDS_CARBONE.homologation}>
        <MessageBarBody>
          Le bilan remis au CNC (prévisionnel et définitif) doit être fait avec un outil homologué : SeCO2, Carbon'Clap
          ou Carbon Stage. Prodbook prépare les données et donne une pré-estimation ; la feuille « Export carbone » les
          regroupe comme le formulaire du calculateur.
        </MessageBarBody>
      </MessageBar>
      {b && b.manquants.length > 0 && (
        <div className={styles.liste}>
          <Caption1>
            {typographie(
              "Aucune distance ni aucun facteur n'est deviné : complétez les cellules jaunes de la feuille « Bilan carbone ».",
            )}
          </Caption1>
          <ConstatsCliquables
            elements={b.manquants.map((m) => ({
              groupe: "a-completer",
              message: typographie(m.message),
              ...(estCellule(m.cellule) ? { cellule: m.cellule } : { lieu: m.cellule }),
            }))}
            groupes={[A_COMPLETER]}
            onAller={aller}
            etiquette="Données à compléter"
            testId={IDS_CARBONE.manquants}
            testIdElement={IDS_CARBONE.manquant}
          />
          <Retour commande={commande} action="carbone-aller" enCours="Sélection de la cellule…" />
        </div>
      )}
      {p && (
        <DetailsSources testId={IDS_CARBONE.details}>
          <ChiffresRetenus chiffres={p.facteurs} />
          <TextesAppliques textes={p.textes} />
        </DetailsSources>
      )}
    </section>
  );
}
