/**
 * A signature drawn with a finger or a stylus: pointer events on an SVG in the signing box's
 * proportions, turned into the domain's integer path (domain/documents/signature.ts) as it is drawn,
 * so what the member sees is exactly what is stored and printed.
 */
import { useRef, useState } from "preact/hooks";
import { SIGNATURE_BOX, signaturePath, type Point } from "@domain/documents/signature";

interface Props {
  readonly label: string;
  readonly clearLabel: string;
  readonly disabled?: boolean;
  /** Told the path after every stroke ("" once cleared). */
  readonly onChange: (path: string) => void;
}

export function SignaturePad({ label, clearLabel, disabled, onChange }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const [path, setPath] = useState("");

  const pointOf = (e: PointerEvent): Point => {
    const box = svg.current!.getBoundingClientRect();
    // In box units directly: the SVG keeps the box's proportions, so one scale fits both axes.
    return {
      x: ((e.clientX - box.left) / box.width) * SIGNATURE_BOX.width,
      y: ((e.clientY - box.top) / box.height) * SIGNATURE_BOX.height,
    };
  };
  const redraw = () => setPath(signaturePath(strokes.current, SIGNATURE_BOX.width, SIGNATURE_BOX.height));

  const down = (e: PointerEvent) => {
    if (disabled) return;
    svg.current?.setPointerCapture(e.pointerId);
    drawing.current = true;
    strokes.current.push([pointOf(e)]);
    redraw();
  };
  const move = (e: PointerEvent) => {
    if (!drawing.current) return;
    strokes.current[strokes.current.length - 1]!.push(pointOf(e));
    redraw();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(signaturePath(strokes.current, SIGNATURE_BOX.width, SIGNATURE_BOX.height));
  };
  const clear = () => {
    strokes.current = [];
    setPath("");
    onChange("");
  };

  return (
    <div class="signature-pad">
      <svg
        ref={svg}
        role="img"
        aria-label={label}
        data-testid="signature-pad"
        viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`}
        style={{ width: "100%", aspectRatio: `${SIGNATURE_BOX.width} / ${SIGNATURE_BOX.height}`, touchAction: "none" }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      >
        <line x1="10" y1="85" x2="290" y2="85" class="signature-pad__line" />
        <path d={path} class="signature-pad__ink" />
      </svg>
      <button type="button" class="button button--secondary" disabled={disabled || path === ""} onClick={clear}>
        {clearLabel}
      </button>
    </div>
  );
}
