/**
 * What is known of a text that is not known whole before the run: its pieces in order, each either written out or
 * a run of characters of a known kind and length (a run ID is digits, a commit SHA is hexadecimal). A check can then
 * decide what every value of the text shares (the characters it may hold, the lengths it may have) without guessing
 * the value. Made by src/workflows/text-shape.ts.
 */
export type TextPiece =
  | { readonly text: string }
  | {
      /** Every character of the piece is of this kind: `digits` 0-9, `hex` 0-9 and a-f. */
      readonly chars: 'digits' | 'hex';
      readonly min: number;
      readonly max: number;
      /** What the piece stands for, e.g. `github.run_id`. */
      readonly from: string;
    };
