import type { ConditionId } from '#core/clinical/conditions/index.ts';

// A simple spine seen from behind, with the part a condition mostly affects shaded (DESIGN.md:
// a spine diagram on condition pages). Drawn inline; no images are downloaded.

type SpineRegion = 'neck' | 'mid-back' | 'lower-back' | 'pelvis' | 'whole';

const REGION_OF: Record<ConditionId, SpineRegion> = {
  'lumbar-strain-sprain': 'lower-back',
  'nonspecific-low-back-pain': 'lower-back',
  'sciatica-radiculopathy': 'lower-back',
  'lumbar-disc-herniation': 'lower-back',
  'degenerative-disc-disease': 'lower-back',
  'facet-joint-pain': 'lower-back',
  'sacroiliac-joint-dysfunction': 'pelvis',
  'lumbar-spinal-stenosis': 'lower-back',
  spondylolisthesis: 'lower-back',
  'lumbar-spondylosis-osteoarthritis': 'lower-back',
  'scoliosis-deformity': 'whole',
  'vertebral-compression-fracture': 'mid-back',
  'neck-pain': 'neck',
};

const REGION_WORDS: Record<SpineRegion, string> = {
  neck: 'the neck',
  'mid-back': 'the middle and lower back',
  'lower-back': 'the lower back',
  pelvis: 'the joints between the lower spine and the pelvis',
  whole: 'the curve of the whole spine',
};

type Bone = { y: number; w: number; h: number; group: 'neck' | 'chest' | 'low' };

const BONES: Bone[] = [
  ...[0, 1, 2, 3, 4].map((i) => ({ y: 10 + i * 13, w: 22, h: 10, group: 'neck' as const })),
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ y: 78 + i * 16, w: 28 + i, h: 13, group: 'chest' as const })),
  ...[0, 1, 2, 3, 4].map((i) => ({ y: 210 + i * 20, w: 38 + i * 2, h: 17, group: 'low' as const })),
];

function isShaded(region: SpineRegion, bone: Bone, index: number): boolean {
  if (region === 'whole') return false;
  if (region === 'neck') return bone.group === 'neck';
  if (region === 'lower-back') return bone.group === 'low';
  if (region === 'mid-back') return (bone.group === 'chest' && index >= 10) || bone.group === 'low';
  return false;
}

export function SpineDiagram({ conditionId }: { conditionId: ConditionId }) {
  const region = REGION_OF[conditionId];
  const words = REGION_WORDS[region];
  const titleId = `spine-${conditionId}`;
  return (
    <figure className="spine-figure">
      <svg className="spine" viewBox="0 0 120 360" role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`A spine seen from behind, with ${words} marked.`}</title>
        {region === 'whole' ? (
          <path className="spine__curve" d="M60 8 C 60 90, 84 140, 64 200 S 56 300, 60 306" />
        ) : null}
        {BONES.map((bone, index) => {
          const shift = region === 'whole' ? Math.sin((index / BONES.length) * Math.PI * 1.4) * 12 : 0;
          return (
            <rect
              key={bone.y}
              x={60 - bone.w / 2 + shift}
              y={bone.y}
              width={bone.w}
              height={bone.h}
              rx="4"
              className={isShaded(region, bone, index) ? 'spine__bone spine__bone--marked' : 'spine__bone'}
            />
          );
        })}
        <path
          className={region === 'pelvis' ? 'spine__bone spine__bone--marked' : 'spine__bone'}
          d="M40 312 h40 l-8 34 q-12 10 -24 0 z"
        />
        <path
          className="spine__pelvis"
          d="M38 314 C 14 300, 6 330, 22 350 M82 314 C 106 300, 114 330, 98 350"
        />
      </svg>
      <figcaption className="muted">
        {region === 'whole' ? 'The bones follow a sideways curve.' : `The shaded part shows ${words}.`}
      </figcaption>
    </figure>
  );
}
