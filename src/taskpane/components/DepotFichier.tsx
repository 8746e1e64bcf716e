import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  survol: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  cache: { display: "none" },
});

/**
 * A file picker as a Fluent button (keyboard and screen reader friendly) with a drop zone around it: drop a
 * file on it or press the button. `testId` names the underlying file input (browser tests set files on it).
 */
export function DepotFichier({
  libelle,
  aide,
  accept,
  disabled,
  testId,
  discret = false,
  onFichier,
}: {
  libelle: string;
  /** A secondary action of its page: a small, non-primary button. */
  discret?: boolean;
  aide?: string;
  accept?: string;
  disabled?: boolean;
  testId?: string;
  onFichier: (f: File) => void;
}) {
  const styles = useStyles();
  const entree = React.useRef<HTMLInputElement>(null);
  const [survol, setSurvol] = React.useState(false);
  return (
    <div
      className={mergeClasses(styles.zone, survol && styles.survol)}
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setSurvol(true);
      }}
      onDragLeave={() => setSurvol(false)}
      onDrop={(e) => {
        e.preventDefault();
        setSurvol(false);
        const f = e.dataTransfer.files?.[0];
        if (f && !disabled) onFichier(f);
      }}
    >
      <Button
        appearance={discret ? "secondary" : "primary"}
        size={discret ? "small" : "medium"}
        disabled={disabled}
        onClick={() => entree.current?.click()}
      >
        {libelle}
      </Button>
      {aide && <Caption1>{survol ? "Déposez le fichier pour le lire." : aide}</Caption1>}
      <input
        ref={entree}
        className={styles.cache}
        data-testid={testId}
        type="file"
        accept={accept}
        aria-label={libelle}
        tabIndex={-1}
        disabled={disabled}
        onChange={(e) => {
          const f = e.target.files?.[0];
          // Emptied so that picking the same file again (corrected, or with another encoding) reads it again.
          e.target.value = "";
          if (f) onFichier(f);
        }}
      />
    </div>
  );
}
