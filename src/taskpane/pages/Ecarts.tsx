import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { ChapitreEcartVue, ResultatRapprochementVue } from "../../app/commandes/ecarts";
import type { EncodageFec, ResultatFec } from "../../core/comptabilite/fec";
import type { Correspondance, TableCorrespondances } from "../../core/comptabilite/correspondances";
import { eurosToCents, formatMontantFr, formatPourcentFr } from "../../core/money";
import { lireBlobFec } from "../../workers/lireFichierFec";
import type { DemandeFec, ReponseFec } from "../../workers/protocoleFec";
import { DepotFichier } from "../components/DepotFichier";
import { Retour } from "../components/Retour";
import { TableauAdaptatif, type Colonne } from "../components/TableauAdaptatif";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, nombre, taille } from "../francais";
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

const COLONNES_ECARTS: Colonne<ChapitreEcartVue>[] = [
  { id: "chapitre", titre: "Chapitre", valeur: (c) => `${c.code} ${c.libelle}` },
  { id: "budget", titre: "Budget", valeur: (c) => euros(c.budget), montant: true },
  { id: "realise", titre: "Réalisé", valeur: (c) => euros(c.realise), montant: true },
  { id: "ecart", titre: "Écart", valeur: (c) => euros(c.ecart), montant: true },
  {
    id: "pct",
    titre: "%",
    valeur: (c) => (c.ecartPct === null ? "" : formatPourcentFr(Number(c.ecartPct) / 100)),
    montant: true,
  },
];

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
        production.definirFec(r, { nom: fichier.name, octets: fichier.size });
        return r;
      },
      "ecarts-lire",
      (r) => `${fichier.name} lu : ${compte(r.ecritures, "ligne importée", "lignes importées")}.`,
    );

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
    }, "ecarts-enregistrer");
  const rapprocher = () =>
    fec &&
    lancer(
      async () => {
        setProgression({ libelle: "Écriture du Grand livre…", valeur: 0 });
        const r = await envoyer("rapprocherGrandLivre", {
          fec,
          correspondances: table,
          onProgress: (f, t) =>
            setProgression({
              libelle: `Écriture du Grand livre… bloc ${nombre(f)} / ${nombre(t)}`,
              valeur: t ? f / t : 1,
            }),
        });
        setRapport(r);
        // The correspondances used are now in the « Correspondances » sheet.
        production.modifier({ correspondances: undefined });
        return r;
      },
      "ecarts-rapprocher",
      (r) => `Écarts calculés ; feuilles écrites : ${r.feuilles.join(", ")}.`,
    );

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
        <Field
          label="Encodage"
          hint={fichierRef.current && fec ? "Changer l'encodage relit le fichier chargé." : undefined}
        >
          <Select
            data-testid={TEST_IDS.ecarts.encodage}
            value={encodage}
            disabled={occupe}
            onChange={(_, d) => {
              const enc = d.value as "" | EncodageFec;
              setEncodage(enc);
              if (fichierRef.current && fec) void choisir(fichierRef.current, enc);
            }}
          >
            <option value="">Détection automatique</option>
            <option value="utf-8">UTF-8</option>
            <option value="windows-1252">Windows-1252</option>
            <option value="iso-8859-15">ISO-8859-15</option>
          </Select>
        </Field>
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
        <Retour commande={commande} action="ecarts-enregistrer" enCours="Écriture de la feuille Correspondances…" />
        <Retour commande={commande} action="principale" enCours="Lecture des correspondances…" />
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
        <Retour
          commande={commande}
          action="ecarts-rapprocher"
          enCours="Rapprochement…"
          progressionTestId={TEST_IDS.ecarts.progression}
        />
        {rapport && (
          <div data-testid={TEST_IDS.ecarts.rapport}>
            <TableauAdaptatif
              titre="Écarts par chapitre"
              lignes={rapport.chapitres}
              cle={(c) => c.code}
              colonnes={COLONNES_ECARTS}
              classeLigne={(c) => (c.alerte ? styles.alerte : undefined)}
              marque={(c) => (c.alerte ? <Badge color="danger">dépassement</Badge> : null)}
            />
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
