/** An inline validation list as Excel stores it ("a,b,c"): no comma or quote inside, 255 characters at most. */
export function listeInline(valeurs: string[], plage: string): string {
  const mauvaise = valeurs.find((v) => v.includes(",") || v.includes('"'));
  if (mauvaise !== undefined) {
    throw new RangeError(
      `Liste de validation ${plage} : la valeur « ${mauvaise} » contient une virgule ou un guillemet ; utilisez une plage source.`,
    );
  }
  const s = valeurs.join(",");
  if (s.length > 255)
    throw new RangeError(
      `Liste de validation ${plage} trop longue pour Excel (255 caractères au plus) : utilisez une plage source.`,
    );
  return s;
}
