import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { ResultatRapprochementVue } from "../../app/commandes/ecarts";
import type { EncodageFec, ResultatFec } from "../../core/comptabilite/fec";
import type { Correspondance, TableCorrespondances } from "../../core/comptabilite/correspondances";
import { eurosToCents, formatMontantFr, formatPourcentFr } from "../../core/money";
import { lireBlobFec } from "../../workers/lireFichierFec";
import type { DemandeFec, ReponseFec } from "../../workers/protocoleFec";
import { MessageErreur } from "../components/MessageErreur";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, taille } from "../francais";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bloc: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  ligne: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  alerte: { backgroundColor: tokens.colorPaletteRedBackground2 },
  // Short keys: the account label gets the pane's remaining width.
  cle: { width: "8em", flexShrink: 0 },
  poste: { width: "4.5em", flexShrink: 0 },
});

/** The detected separator in words ("tab" would read as English, a raw tab as nothing). */
const SEPARATEURS: Record<ResultatFec["format"]["separateur"], string> = {
  tab: "tabulation",
  pipe: "« | »",
  "point-virgule": "point-virgule",
  virgule: "virgule",
};

/** JSON amounts ("1234.56") → French display, exactly (no float). */
const SECTION = /^section\s*:\s*/i;

const euros = (s: string) => formatMontantFr(eurosToCents(s));

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
        else ko(new Error(m.message));
      }
    };
    w.onerror = (e) => (w.terminate(), ko(new Error(`Lecture du fichier impossible : ${e.message}`)));
    const d: DemandeFec = { type: "lire", fichier, nom: fichier.name, encodage };
    w.postMessage(d);
  });
}

export function Ecarts() {
  const styles = useStyles();
  const { occupe, erreur, lancer } = useCommande();
  const [encodage, setEncodage] = React.useState<"" | EncodageFec>("");
  const [progression, setProgression] = React.useState<number>();
  const production = useProduction();
  const fec = production.fec;
  const charge = production.contexte.fec;
  // One ordered list as the user sees it (a row turned into a section stays where it is).
  const [lignes, setLignes] = React.useState<Correspondance[]>();
  const [source, setSource] = React.useState<TableCorrespondances["source"]>();
  const [rapport, setRapport] = React.useState<ResultatRapprochementVue>();
  const [enregistree, setEnregistree] = React.useState<string>();

  // Once the production is read: the correspondances edited earlier (kept in the workbook), else the sheet's.
  const editees = production.pret ? production.contexte.correspondances : undefined;
  const editeesRef = React.useRef(editees);
  editeesRef.current = editees;
  React.useEffect(() => {
    if (!production.pret) return;
    void lancer(async () => {
      const t = await envoyer("lireCorrespondances", {});
      const e = editeesRef.current;
      setLignes(e ?? [...t.comptes, ...t.sections]);
      setSource(e ? undefined : t.source);
    });
  }, [lancer, production.pret]);

  const choisir = (fichier: File | undefined) =>
    fichier &&
    lancer(async () => {
      production.definirFec(undefined);
      setRapport(undefined);
      setProgression(0);
      const r = await lireAvecWorker(fichier, encodage || undefined, setProgression);
      production.definirFec(r, { nom: fichier.name, octets: fichier.size });
    });

  const table: TableCorrespondances | undefined = lignes && {
    comptes: lignes.filter((c) => c.type !== "section"),
    sections: lignes.filter((c) => c.type === "section"),
    source,
  };
  const changer = (ls: Correspondance[]) => {
    setLignes(ls);
    // Edited: no longer the default table; kept with the production until written to the sheet.
    setSource(undefined);
    setEnregistree(undefined);
    production.modifier({ correspondances: ls });
  };
  // « section:CODE » typed in the key makes the row a section row (and removing the prefix an account row).
  const modifier = (i: number, champ: "cle" | "poste", valeur: string) =>
    changer(
      (lignes ?? []).map((c, k) =>
        k !== i
          ? c
          : champ === "poste"
            ? { ...c, poste: valeur }
            : { ...c, type: SECTION.test(valeur) ? "section" : "compte", cle: valeur.replace(SECTION, "") },
      ),
    );
  const ajouter = () => changer([...(lignes ?? []), { type: "compte", cle: "6", poste: "" }]);
  const enregistrer = () =>
    table &&
    lancer(async () => {
      setEnregistree(undefined);
      setEnregistree((await envoyer("ecrireCorrespondances", { table })).feuille);
      production.modifier({ correspondances: undefined });
    });
  const rapprocher = () =>
    fec &&
    lancer(async () => {
      setProgression(0);
      setRapport(
        await envoyer("rapprocherGrandLivre", {
          fec,
          correspondances: table,
          onProgress: (f, t) => setProgression(t ? f / t : 1),
        }),
      );
      // The correspondances used are now in the « Correspondances » sheet.
      production.modifier({ correspondances: undefined });
    });

  return (
    <section className={styles.page} aria-label="Écarts budget / réalisé">
      <div className={styles.bloc}>
        <Subtitle2>1. Grand livre (FEC ou CSV)</Subtitle2>
        <Field label="Encodage">
          <Select
            data-testid={TEST_IDS.ecarts.encodage}
            value={encodage}
            onChange={(_, d) => setEncodage(d.value as "" | EncodageFec)}
          >
            <option value="">Détection automatique</option>
            <option value="utf-8">UTF-8</option>
            <option value="windows-1252">Windows-1252</option>
            <option value="iso-8859-15">ISO-8859-15</option>
          </Select>
        </Field>
        <input
          data-testid={TEST_IDS.ecarts.fichier}
          type="file"
          accept=".txt,.TXT,.csv,.CSV"
          disabled={occupe}
          onChange={(e) => {
            const f = e.target.files?.[0];
            // Emptied so that picking the same file again (corrected, or with another encoding) reads it again.
            e.target.value = "";
            void choisir(f);
          }}
        />
        {progression !== undefined && occupe && (
          <ProgressBar data-testid={TEST_IDS.ecarts.progression} value={progression} />
        )}
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
            <Text block>
              {fec.format.type === "fec" ? "FEC" : "Grand livre CSV"} · séparateur {SEPARATEURS[fec.format.separateur]}{" "}
              · {fec.format.encodage}
              {fec.format.bom ? " (BOM)" : ""} ·{" "}
              {fec.format.montants === "debit-credit" ? "Débit/Crédit" : "Montant/Sens"} · {fec.format.colonnes}{" "}
              colonnes
            </Text>
            <Text block>
              {fec.ecritures} lignes importées sur {fec.lignesDonnees} · débit {formatMontantFr(fec.debit)} · crédit{" "}
              {formatMontantFr(fec.credit)}{" "}
              {fec.debit === fec.credit ? (
                <Badge color="success">équilibré</Badge>
              ) : (
                <Badge color="danger">déséquilibré</Badge>
              )}
            </Text>
            {fec.erreurs.length > 0 && (
              <div data-testid={TEST_IDS.ecarts.rejets}>
                <Text weight="semibold">{fec.erreurs.length} ligne(s) rejetée(s)</Text>
                {fec.erreurs.slice(0, 100).map((e) => (
                  <Caption1 block key={e.ligne}>
                    {e.message}
                  </Caption1>
                ))}
                {fec.erreurs.length > 100 && (
                  <Caption1 block>
                    … et {fec.erreurs.length - 100} autre(s) (liste complète : prodbook fec --json).
                  </Caption1>
                )}
              </div>
            )}
            {fec.alertes.slice(0, 100).map((a, i) => (
              <Caption1 block key={i}>
                ⚠ ligne {a.ligne} : {a.message}
              </Caption1>
            ))}
            {fec.alertes.length > 100 && (
              <Caption1 block>⚠ … et {fec.alertes.length - 100} autre(s) alerte(s).</Caption1>
            )}
          </div>
        )}
      </div>
      <div className={styles.bloc}>
        <Subtitle2>2. Correspondances compte → poste</Subtitle2>
        <Caption1>
          Préfixe de compte (ou section:CODE) → code de chapitre « 2 » ou de ligne « 2.3 ». Le plus long préfixe
          l'emporte.
        </Caption1>
        {lignes?.map((c, i) => (
          <div className={styles.ligne} key={i} data-testid={TEST_IDS.ecarts.correspondance(i)}>
            <Input
              size="small"
              className={styles.cle}
              aria-label="Compte"
              value={c.type === "section" ? `section:${c.cle}` : c.cle}
              onChange={(_, d) => modifier(i, "cle", d.value)}
            />
            <Input
              size="small"
              className={styles.poste}
              aria-label="Poste"
              value={c.poste}
              onChange={(_, d) => modifier(i, "poste", d.value)}
            />
            <Caption1>{c.libelle}</Caption1>
          </div>
        ))}
        <div className={styles.ligne}>
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
        {enregistree && (
          <Caption1 data-testid={TEST_IDS.ecarts.enregistree}>Feuille « {enregistree} » enregistrée.</Caption1>
        )}
      </div>
      <div className={styles.bloc}>
        <Subtitle2>3. Rapprochement</Subtitle2>
        <Button
          appearance="primary"
          data-testid={TEST_IDS.ecarts.rapprocher}
          onClick={rapprocher}
          disabled={occupe || !fec}
        >
          Écrire Grand livre, Écarts et Coût définitif
        </Button>
        <MessageErreur erreur={erreur} />
        {rapport && (
          <div data-testid={TEST_IDS.ecarts.rapport}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>Chapitre</th>
                  <th className={styles.num}>Budget</th>
                  <th className={styles.num}>Réalisé</th>
                  <th className={styles.num}>Écart</th>
                  <th className={styles.num}>%</th>
                </tr>
              </thead>
              <tbody>
                {rapport.chapitres.map((c) => (
                  <tr key={c.code} className={c.alerte ? styles.alerte : undefined}>
                    <td>
                      {c.code} {c.libelle}
                    </td>
                    <td className={styles.num}>{euros(c.budget)}</td>
                    <td className={styles.num}>{euros(c.realise)}</td>
                    <td className={styles.num}>{euros(c.ecart)}</td>
                    <td className={styles.num}>
                      {c.ecartPct === null ? "" : formatPourcentFr(Number(c.ecartPct) / 100)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Caption1 block data-testid={TEST_IDS.ecarts.ecartEstime}>
              Écart = réalisé − budget. Écart estimé (estimation finale − budget) : {euros(rapport.totaux.ecartEstime)}
              {rapport.chapitres.some((c) => c.alerte) ? " ; surlignés : écart estimé au-delà des seuils." : "."}
            </Caption1>
            <Text block>
              Classe 6 : {euros(rapport.classe6)} · sans poste : {euros(rapport.nonAffecte.total)}{" "}
              {rapport.conserve ? "" : "(incohérence !)"}
            </Text>
            {rapport.nonAffecte.comptes.map((c) => (
              <Caption1 block key={c.compte}>
                {c.compte} {c.libelle} : {euros(c.total)}
              </Caption1>
            ))}
            <Caption1 block>Feuilles écrites : {rapport.feuilles.join(", ")}</Caption1>
          </div>
        )}
      </div>
    </section>
  );
}
