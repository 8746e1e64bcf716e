import { Select } from "@fluentui/react-components";
import * as React from "react";
import { useProduction } from "../production";

/** The sheets as options, in an <optgroup> when `groupe` names one. */
function Options({ feuilles, groupe }: { feuilles: string[]; groupe?: string }) {
  const options = feuilles.map((f) => (
    <option key={f} value={f}>
      {f}
    </option>
  ));
  if (groupe === undefined) return <>{options}</>;
  return feuilles.length > 0 ? <optgroup label={groupe}>{options}</optgroup> : null;
}

interface PropsChoix {
  id?: string;
  valeur: string;
  onChange: (feuille: string) => void;
  disabled?: boolean;
}

/**
 * A picker of the user's devis sheet: « Détection automatique » first, then the sheets whose header Prodbook
 * recognises as a devis, then the others (a sheet that cannot work is never the one preselected).
 */
export function ChoixFeuilleDevis({ id, valeur, onChange, disabled }: PropsChoix) {
  const p = useProduction();
  const devis = p.detecte?.feuillesDevis ?? [];
  const autres = p.feuilles.filter((f) => !devis.includes(f));
  // A saved value no longer among the sheets stays visible, so the select never shows another one.
  const inconnue = valeur && !p.feuilles.includes(valeur) ? [valeur] : [];
  return (
    <Select data-testid={id} value={valeur} disabled={disabled} onChange={(_e, d) => onChange(d.value)}>
      <option value="">Détection automatique</option>
      <Options feuilles={inconnue} />
      <Options feuilles={devis} groupe="Feuilles reconnues comme devis" />
      <Options feuilles={autres} groupe="Autres feuilles" />
    </Select>
  );
}

/** A picker of any of the user's sheets, « Détection automatique » first. */
export function ChoixFeuille({
  id,
  valeur,
  onChange,
  disabled,
  vide = "Détection automatique",
}: PropsChoix & { vide?: string }) {
  const p = useProduction();
  return (
    <Select data-testid={id} value={valeur} disabled={disabled} onChange={(_e, d) => onChange(d.value)}>
      <option value="">{vide}</option>
      <Options feuilles={p.feuilles} />
    </Select>
  );
}
