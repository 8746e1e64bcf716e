import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { ApercuPlanning } from "../../app/commandes/planning";
import type { Zone } from "../../core/planning/calendrier";
import { MessageErreur } from "../components/MessageErreur";
import { useCommande } from "../components/useCommande";

/** Test ids of this page (kept here: the page is self-contained). */
export const IDS_PLANNING = {
  livraison: "planning-livraison",
  service: "planning-service",
  zone: "planning-zone",
  recalculer: "planning-recalculer",
  ecrire: "planning-ecrire",
  etapes: "planning-etapes",
  critique: "planning-critique",
  propositions: "planning-propositions",
  appliquer: "planning-appliquer",
  message: "planning-message",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  critique: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // « 'Budget Gardiens'!C19 » is wider than its column in the pane: wrap it instead of overlapping the next one.
  cellule: { overflowWrap: "anywhere" },
});

const fr = (iso?: string) => (iso ? iso.split("-").reverse().join("/") : "");

export function Planning() {
  const styles = useStyles();
  const { occupe, erreur, lancer } = useCommande();
  const [livraison, setLivraison] = React.useState("");
  const [zone, setZone] = React.useState<Zone>("metropole");
  const [service, setService] = React.useState("");
  const [apercu, setApercu] = React.useState<ApercuPlanning>();
  const [choisies, setChoisies] = React.useState<Set<string>>(new Set());
  const [message, setMessage] = React.useState<string>();

  const options = () => ({ livraison: livraison || undefined, zone, feuilleDeService: service || undefined });
  const recalculer = (ecrire: boolean) =>
    lancer(async () => {
      const r = await envoyer(ecrire ? "ecrireFeuillesPlanning" : "calculerPlanning", options());
      setApercu(r);
      setChoisies(new Set());
      setMessage(ecrire ? `Feuilles écrites : ${r.feuillesEcrites.join(", ")}.` : undefined);
    });
  const appliquer = () =>
    lancer(async () => {
      const r = await envoyer("appliquerQuantitesDevis", {
        lignes: [...choisies],
        date: new Date().toISOString().slice(0, 10),
      });
      setMessage(
        `${r.appliquees.length} quantité(s) appliquée(s) dans les ` +
          `feuilles ${r.feuillesEcrites.join(", ")} (votre devis n'est pas modifié).`,
      );
      setChoisies(new Set());
    });
  const basculer = (id: string) =>
    setChoisies((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const erreurs = apercu?.controles.filter((c) => c.gravite === "erreur").length ?? 0;
  return (
    <section className={styles.page} aria-label="Planning">
      <div className={styles.ligne}>
        <Field label="Date de livraison (PAD)">
          <Input
            type="date"
            value={livraison}
            data-testid={IDS_PLANNING.livraison}
            onChange={(_, d) => setLivraison(d.value)}
          />
        </Field>
        <Field label="Feuille de service du (facultatif)">
          <Input
            type="date"
            value={service}
            data-testid={IDS_PLANNING.service}
            onChange={(_, d) => setService(d.value)}
          />
        </Field>
        <Field label="Jours fériés">
          <Select value={zone} data-testid={IDS_PLANNING.zone} onChange={(_, d) => setZone(d.value as Zone)}>
            <option value="metropole">Métropole</option>
            <option value="alsace-moselle">Alsace-Moselle</option>
          </Select>
        </Field>
      </div>
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={occupe}
          data-testid={IDS_PLANNING.recalculer}
          onClick={() => recalculer(false)}
        >
          Recalculer
        </Button>
        <Button disabled={occupe || !apercu} data-testid={IDS_PLANNING.ecrire} onClick={() => recalculer(true)}>
          Écrire les feuilles de planning
        </Button>
      </div>
      <MessageErreur erreur={erreur} />
      {message && <Text data-testid={IDS_PLANNING.message}>{message}</Text>}
      {apercu && apercu.etapes.length > 0 && (
        <>
          <Subtitle2>
            Du {fr(apercu.debut)} au {fr(apercu.fin)}
          </Subtitle2>
          <Text data-testid={IDS_PLANNING.critique}>Chemin critique : {apercu.cheminCritique.join(" → ")}</Text>
          <Table size="small" data-testid={IDS_PLANNING.etapes} aria-label="Étapes">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Étape</TableHeaderCell>
                <TableHeaderCell>Début</TableHeaderCell>
                <TableHeaderCell>Fin</TableHeaderCell>
                <TableHeaderCell>Jours</TableHeaderCell>
                <TableHeaderCell>Marge</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {apercu.etapes.map((e) => (
                <TableRow key={e.nom}>
                  <TableCell className={e.critique ? styles.critique : undefined}>{e.nom}</TableCell>
                  <TableCell>{fr(e.debut)}</TableCell>
                  <TableCell>{fr(e.fin)}</TableCell>
                  <TableCell>{e.joursOuvres}</TableCell>
                  <TableCell>{e.marge}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {apercu && (
        <Text>
          Temps de travail : <Badge color={erreurs ? "danger" : "success"}>{erreurs}</Badge> erreur(s) sur{" "}
          {apercu.controles.length} constat(s) (détail dans la page Contrôles et la feuille Plan de travail).
        </Text>
      )}
      {apercu && apercu.propositions.length > 0 && (
        <>
          <Subtitle2>Quantités du devis proposées d'après le plan de travail</Subtitle2>
          <Caption1>Cochez les changements à appliquer : seules les feuilles de Prodbook sont réécrites.</Caption1>
          <Table size="small" data-testid={IDS_PLANNING.propositions} aria-label="Quantités proposées">
            <TableHeader>
              <TableRow>
                <TableHeaderCell />
                <TableHeaderCell>Ligne</TableHeaderCell>
                <TableHeaderCell>Cellule</TableHeaderCell>
                <TableHeaderCell>Actuelle</TableHeaderCell>
                <TableHeaderCell>Proposée</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {apercu.propositions.map((p) => (
                <TableRow key={p.ligneId}>
                  <TableCell>
                    <Checkbox
                      checked={choisies.has(p.ligneId)}
                      onChange={() => basculer(p.ligneId)}
                      aria-label={`Appliquer ${p.libelle}`}
                    />
                  </TableCell>
                  <TableCell>{p.libelle}</TableCell>
                  <TableCell className={styles.cellule}>{p.cellule ?? ""}</TableCell>
                  <TableCell>{p.ancienneQuantite ?? "—"}</TableCell>
                  <TableCell>
                    {p.nouvelleQuantite} {p.unite === "semaine" ? "sem." : "j"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button disabled={occupe || choisies.size === 0} data-testid={IDS_PLANNING.appliquer} onClick={appliquer}>
            Appliquer {choisies.size} changement(s)
          </Button>
        </>
      )}
    </section>
  );
}
