import * as v from "valibot";
import { texte } from "../schema";

/** Accounting rule tables: default PCG account → devis poste mapping. */
export const SCHEMAS_COMPTABILITE = {
  "correspondances-pcg": v.strictObject({
    correspondances: v.array(
      v.strictObject({
        compte: v.pipe(v.string(), v.regex(/^\d{2,8}$/, "numéro de compte PCG (chiffres)")),
        poste: v.pipe(v.string(), v.regex(/^(\d(\.\d+)*|FG|IMP|FF|PROD)$/, "poste du devis (« 2 », « 2.3 », « FF »…)")),
        libelle: texte,
      }),
    ),
  }),
} as const;
