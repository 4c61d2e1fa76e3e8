import { svg, type SVGTemplateResult } from 'lit';
import type { RatingGrade } from '../../protocol/index.ts';

/**
 * The rating buttons' faces, drawn as SVG (issue #15): emoji depend on a colour-emoji font, and a
 * centre's mini-PC with only the fonts Luot installs showed empty boxes. The mouth's curve and the
 * colour say the grade; the label beside it says it in words.
 */
const MOUTHS: Record<RatingGrade, string> = {
  very_satisfied: 'M18 38 Q32 54 46 38 Z', // open smile
  satisfied: 'M20 40 Q32 49 44 40',
  neutral: 'M21 42 L43 42',
  dissatisfied: 'M20 46 Q32 36 44 46',
};

const COLOURS: Record<RatingGrade, string> = {
  very_satisfied: '#1b7f3b',
  satisfied: '#5a9e2f',
  neutral: '#b07d00',
  dissatisfied: '#b3261e',
};

export function ratingFace(grade: RatingGrade): SVGTemplateResult {
  const colour = COLOURS[grade];
  const filled = grade === 'very_satisfied';
  return svg`<svg viewBox="0 0 64 64" width="1em" height="1em" role="presentation" data-grade=${grade}>
    <circle cx="32" cy="32" r="29" fill="#fff" stroke=${colour} stroke-width="4" />
    <circle cx="23" cy="26" r="4" fill=${colour} />
    <circle cx="41" cy="26" r="4" fill=${colour} />
    <path d=${MOUTHS[grade]} fill=${filled ? colour : 'none'} stroke=${colour} stroke-width="4" stroke-linecap="round" stroke-linejoin="round" />
  </svg>`;
}
