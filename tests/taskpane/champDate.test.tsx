/**
 * @jest-environment jsdom
 *
 * The French date field: typed dates in the forms a chargée de production writes, the calendar in French from
 * Monday, and nothing guessed (an impossible or American date is refused).
 */
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ChampDate, lireDateFr, versIso } from "../../src/taskpane/components/ChampDate";

const iso = (t: string) => {
  const d = lireDateFr(t);
  return d ? versIso(d) : null;
};

/**
 * The field « Date de livraison (PAD) » as a page holds it, starting at `initiale` (ISO): its input, the dates it gave
 * (onChange) in order, and a way to draw the page again with nothing of the field changed.
 */
function afficherChamp(initiale: string) {
  const choisies: string[] = [];
  let redessiner: () => void = () => undefined;
  function Hote() {
    const [v, setV] = React.useState(initiale);
    const [, setN] = React.useState(0);
    redessiner = () => setN((n) => n + 1);
    return (
      <ChampDate
        label="Date de livraison (PAD)"
        value={v}
        data-testid="d"
        onChange={(x) => {
          choisies.push(x);
          setV(x);
        }}
      />
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <Hote />
    </FluentProvider>,
  );
  return { champ: screen.getByTestId("d") as HTMLInputElement, choisies, rafraichir: () => redessiner() };
}

test("lireDateFr : formes françaises et ISO ; impossible, américaine ou ambiguë → null", () => {
  expect(iso("15/04/2026")).toBe("2026-04-15");
  expect(iso("5.4.2026")).toBe("2026-04-05");
  expect(iso("2026-04-15")).toBe("2026-04-15");
  expect(iso("15 avril 2026")).toBe("2026-04-15");
  expect(iso("1er  Août 2026")).toBe("2026-08-01");
  expect(iso("3 déc. 2026")).toBe("2026-12-03");
  expect(iso("29/02/2028")).toBe("2028-02-29");
  expect(iso("29/02/2026")).toBeNull();
  expect(iso("04/15/2026")).toBeNull();
  expect(iso("15/04/26")).toBeNull();
  expect(iso("15 ma 2026")).toBeNull();
  expect(iso("demain")).toBeNull();
});

test("le calendrier s'ouvre en français, semaine du lundi, et le jour choisi devient la date", async () => {
  const { champ, choisies } = afficherChamp("2026-04-15");
  expect(champ.value).toBe("15\u00a0avril\u00a02026");
  expect(screen.getByLabelText("Date de livraison (PAD)")).toBe(champ);
  await act(async () => {
    fireEvent.keyDown(champ, { key: "ArrowDown" });
  });
  const calendrier = screen.getByRole("dialog", { name: "Calendrier" });
  expect(calendrier.textContent).toContain("Avril 2026");
  // Column headers: Monday first.
  const entetes = Array.from(calendrier.querySelectorAll("th")).map((t) => t.getAttribute("title") ?? t.textContent);
  expect(entetes.slice(0, 2)).toEqual(["lundi", "mardi"]);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "20, avril, 2026" }));
  });
  expect(choisies.at(-1)).toBe("2026-04-20");
});

test("une date en cours de saisie survit à un nouveau rendu de la page (le contexte enregistré, un autre champ)", async () => {
  const { champ, choisies, rafraichir } = afficherChamp("");
  fireEvent.change(champ, { target: { value: "15/12/2026" } });
  // The page draws itself again while the user is typing (nothing of the field changed): the text typed stays.
  act(() => rafraichir());
  expect(champ.value).toBe("15/12/2026");
  fireEvent.blur(champ);
  expect(choisies).toEqual(["2026-12-15"]);
  expect(champ.value).toBe("15\u00a0décembre\u00a02026");
});
