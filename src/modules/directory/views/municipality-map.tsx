import durangoMap from '../data/durango-map.json' with { type: 'json' };
import { usePage } from '../../../web/page-context.js';

/** The municipalities of a state as SVG paths, built by `scripts/build-map.mjs` from INEGI's boundaries. */
export interface MunicipalityMapData {
  viewBox: string;
  source: string;
  municipalities: { cvegeo: string; name: string; d: string }[];
}

/** Durango's 39 municipalities (INEGI, Marco Geoestadístico 2024), simplified to about 20 KB. */
export const defaultMunicipalityMap: MunicipalityMapData = durangoMap;

export interface MapStep {
  /** 0 is "none"; 1..4 are the palette's steps, lightest to darkest. */
  step: number;
  from: number;
  to: number;
}

/** Which palette steps a set of ranges uses, so the highest range is always the darkest. */
const spread: Record<number, number[]> = { 1: [4], 2: [2, 4], 3: [2, 3, 4], 4: [1, 2, 3, 4] };

/**
 * Up to four ranges of whole numbers covering 1..max (plus the "none" step for 0), with rounded bounds, e.g. max 20:
 * 0, 1–5, 6–10, 11–15, 16–20. With a small maximum there are fewer ranges (max 2: 0, 1, 2).
 */
export function mapSteps(values: number[]): MapStep[] {
  const max = Math.max(0, ...values.map((value) => Math.floor(value)));
  const steps: MapStep[] = [{ step: 0, from: 0, to: 0 }];
  if (max === 0) return steps;
  const bounds = [...new Set([1, 2, 3, 4].map((k) => Math.ceil((max * k) / 4)))];
  const palette = spread[bounds.length] ?? [1, 2, 3, 4];
  bounds.forEach((to, i) => steps.push({ step: palette[i] ?? 4, from: i === 0 ? 1 : (bounds[i - 1] ?? 0) + 1, to }));
  return steps;
}

export const stepOf = (steps: MapStep[], value: number): number =>
  steps.find((s) => value >= s.from && value <= s.to)?.step ?? (value <= 0 ? 0 : 4);

export interface MunicipalityMapProps {
  /** Prefix of the SVG's ids (title, description), unique in the page. */
  id: string;
  title: string;
  description: string;
  /** The figure of each municipality by INEGI code; a municipality not listed counts as 0. */
  values: Record<string, number>;
  /** The legend's heading, e.g. "Personas inscritas". */
  legendLabel: string;
  /** The tooltip of a municipality, e.g. "Durango: 12 personas". Default: "Durango: 12". */
  valueText?: (name: string, value: number) => string;
  /** A range of the legend, e.g. "1 a 5". Default: "1–5". */
  rangeText?: (from: number, to: number) => string;
  /** The legend's "none" entry. Default: "0". */
  zeroText?: string;
  /** Makes each municipality a link (the map is then a group of links instead of one image). */
  hrefFor?: (cvegeo: string) => string;
  /** The line that cites the boundaries' source, e.g. "Límites: INEGI…". Default: the source as it is. */
  sourceText?: (source: string) => string;
  map?: MunicipalityMapData;
}

/**
 * A choropleth map of a state's municipalities: an inline SVG (no script, no inline style: the fills are classes of a
 * five-step palette in app.css) with a title, a description, a tooltip per municipality and a text legend. It is
 * never the only way to read the figures: put a table of the same values beside it.
 */
export function MunicipalityMap(props: MunicipalityMapProps) {
  const { format } = usePage();
  const map = props.map ?? defaultMunicipalityMap;
  const steps = mapSteps(Object.values(props.values));
  const valueText = props.valueText ?? ((name: string, value: number) => `${name}: ${format.number(value)}`);
  const rangeText =
    props.rangeText ??
    ((from: number, to: number) => (from === to ? format.number(from) : `${format.number(from)}–${format.number(to)}`));
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const isLinked = Boolean(props.hrefFor);
  return (
    <div class="municipality-map" id={props.id}>
      <svg
        class="municipality-map__svg"
        viewBox={map.viewBox}
        xmlns="http://www.w3.org/2000/svg"
        role={isLinked ? 'group' : 'img'}
        aria-labelledby={titleId}
        aria-describedby={descId}
        focusable="false"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {map.municipalities.map((municipality) => {
          const value = props.values[municipality.cvegeo] ?? 0;
          const text = valueText(municipality.name, value);
          const path = (
            <path
              key={municipality.cvegeo}
              class={`municipality-map__area map-step-${stepOf(steps, value)}`}
              d={municipality.d}
              data-cvegeo={municipality.cvegeo}
            >
              <title>{text}</title>
            </path>
          );
          return props.hrefFor ? (
            <a key={municipality.cvegeo} href={props.hrefFor(municipality.cvegeo)} aria-label={text}>
              {path}
            </a>
          ) : (
            path
          );
        })}
      </svg>
      <div class="municipality-map__legend">
        <p class="municipality-map__legend-title">{props.legendLabel}</p>
        <ul class="municipality-map__legend-list">
          {steps.map((s) => (
            <li key={s.step}>
              <svg
                class="municipality-map__swatch"
                viewBox="0 0 20 20"
                width="20"
                height="20"
                aria-hidden="true"
                focusable="false"
              >
                <rect class={`map-step-${s.step}`} x="1" y="1" width="18" height="18" />
              </svg>
              {s.step === 0 ? (props.zeroText ?? format.number(0)) : rangeText(s.from, s.to)}
            </li>
          ))}
        </ul>
        <p class="municipality-map__source">{props.sourceText ? props.sourceText(map.source) : map.source}</p>
      </div>
    </div>
  );
}
