import * as v from "valibot";
import { CODES_CHAPITRE } from "../../devis/model";
import { texte } from "../schema";

/** A devis poste: « 2 », « 2.3 », or a chapter below the total (FG, IMP, FF, PROD, from the one list of chapters). */
const POSTE = new RegExp(`^(\\d(\\.\\d+)*|${CODES_CHAPITRE.filter((c) => !/^\d$/.test(c)).join("|")})$`);

/** Accounting rule tables: default PCG account → devis poste mapping. */
export const SCHEMAS_COMPTABILITE = {
  "correspondances-pcg": v.strictObject({
    correspondances: v.array(
      v.strictObject({
        compte: v.pipe(v.string(), v.regex(/^\d{2,8}$/, "numéro de compte PCG (chiffres)")),
        poste: v.pipe(v.string(), v.regex(POSTE, "poste du devis (« 2 », « 2.3 », « FF »…)")),
        libelle: texte,
      }),
    ),
  }),
} as const;
