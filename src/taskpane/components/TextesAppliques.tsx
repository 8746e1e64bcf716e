import { Badge, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { libelleSource } from "../../app/liensTextes";
import type { ChiffreLisible, LienTexte, RegleLisible } from "../../app/presentationRegles";
import { Infobulle } from "./Infobulle";
import { guillemets } from "../francais";

/** Test ids of the texts and figures lists. */
export const IDS_TEXTES = {
  textes: "textes-appliques",
  texte: "texte-applique",
  chiffres: "chiffres-retenus",
  chiffre: "chiffre-retenu",
  aVerifier: "badge-a-verifier",
  lien: "lien-texte",
} as const;

const useStyles = makeStyles({
  liste: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  ligne: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalXS },
  detail: { color: tokens.colorNeutralForeground2 },
  valeur: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

/**
 * A link to a source, opened outside the pane, under its short name (`libelle`). When that name shortens the
 * source's title (libelleSource: the reference before its quotation, at most 80 characters), the full title is
 * the link's infobulle (hover and keyboard focus) and its accessible description.
 */
export function LienSource({
  url,
  titre,
  libelle,
  testId,
}: {
  url: string;
  titre: string;
  libelle: string;
  testId?: string;
}) {
  const lien = (
    <Link href={url} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {libelle}
    </Link>
  );
  if (libelleSource(titre) === titre.trim()) return lien;
  return (
    <Infobulle relation="description" texte={titre}>
      {lien}
    </Infobulle>
  );
}

/** « Texte : CGI art. 220 sexies »: a real link to the text, opened outside the pane, the full title as infobulle. */
export function LienVersTexte({ lien }: { lien: LienTexte }) {
  return <LienSource url={lien.url} titre={lien.titre} libelle={lien.libelle} testId={IDS_TEXTES.lien} />;
}

/** The « à vérifier » badge: written out, so the warning does not rest on its colour. */
export function BadgeAVerifier() {
  return (
    <Badge appearance="tint" color="warning" size="small" data-testid={IDS_TEXTES.aVerifier}>
      à vérifier
    </Badge>
  );
}

/**
 * The figures of a calculation with where each comes from: a figure read in a secondary source (confidence M or L)
 * carries « à vérifier » and its source; one read in the official text (H), that text.
 */
export function ChiffresRetenus({ chiffres }: { chiffres: readonly ChiffreLisible[] }) {
  const styles = useStyles();
  if (!chiffres.length) return null;
  return (
    <>
      <Text weight="semibold">Chiffres retenus</Text>
      <ul className={styles.liste} data-testid={IDS_TEXTES.chiffres}>
        {chiffres.map((c) => (
          <li key={c.cle} data-testid={IDS_TEXTES.chiffre}>
            <span className={styles.ligne}>
              <span>
                {c.libelle}
                {"\u00a0"}:
              </span>
              <span className={styles.valeur}>{c.valeur}</span>
              {c.aVerifier && <BadgeAVerifier />}
            </span>
            <Caption1 block className={styles.detail}>
              {c.surcharge
                ? `Remplacé par la feuille ${guillemets("Paramètres")} (${c.surcharge})`
                : c.texte && <LienVersTexte lien={c.texte} />}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

/** « Textes appliqués »: each rule table version a calculation used, by its French name, date and text. */
export function TextesAppliques({ textes }: { textes: readonly RegleLisible[] }) {
  const styles = useStyles();
  if (!textes.length) return null;
  return (
    <>
      <Text weight="semibold">Textes appliqués</Text>
      <ul className={styles.liste} data-testid={IDS_TEXTES.textes}>
        {textes.map((t) => (
          <li key={t.cle} data-testid={IDS_TEXTES.texte}>
            <span className={styles.ligne}>
              <span>
                {t.nom}, {t.version}
              </span>
              {t.aVerifier && <BadgeAVerifier />}
            </span>
            {t.texte && (
              <Caption1 block className={styles.detail}>
                <LienVersTexte lien={t.texte} />
              </Caption1>
            )}
            <AutresSources textes={t} />
            {t.motif && (
              <Caption1 block className={styles.detail}>
                Pourquoi à vérifier{"\u00a0"}: {t.motif}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The version's other sources, each a link by its short name (the first text is shown above). */
function AutresSources({ textes: t }: { textes: RegleLisible }) {
  const styles = useStyles();
  const autres = t.sources.filter(
    (s, i) => s.url !== t.texte?.url && t.sources.findIndex((x) => x.url === s.url) === i,
  );
  if (!autres.length) return null;
  return (
    <Caption1 block className={styles.detail}>
      {autres.length > 1 ? "Autres sources" : "Autre source"}
      {"\u00a0"}: <LiensSources sources={autres} />
    </Caption1>
  );
}

/**
 * Several sources in a row, « A · B · C », each a real link (opened outside the pane) by its short name without
 * « Texte : » / « Source : », so the row wraps within a 320 px pane. Several pages of one publisher shorten to the
 * same name (« Impact CO2 » three times, three links a reader could not tell apart): each is numbered,
 * « Impact CO2 (1) · Impact CO2 (2) », its full title in its infobulle.
 */
export function LiensSources({ sources, testId }: { sources: readonly LienTexte[]; testId?: string }) {
  const libelles = sources.map((s) => s.libelle.replace(/^(Texte|Source)\u00a0: /, ""));
  const numeros = libelles.map((l, i) =>
    libelles.filter((x) => x === l).length > 1 ? libelles.slice(0, i + 1).filter((x) => x === l).length : 0,
  );
  return (
    <>
      {sources.map((s, i) => (
        <React.Fragment key={s.url}>
          {i > 0 && " · "}
          <LienSource
            url={s.url}
            titre={s.titre}
            libelle={numeros[i] ? `${libelles[i]}\u00a0(${numeros[i]})` : libelles[i]}
            testId={testId}
          />
        </React.Fragment>
      ))}
    </>
  );
}
