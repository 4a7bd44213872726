import type { ConditionReference } from './condition.ts';

// Only citations named in /clinical/reference.md (sections b, c, f). URLs are given only for NICE
// guidance pages and DOIs we are sure of; everything else is left for a reviewer to link.
export const REFERENCES = {
  acp2017: {
    citation:
      'Qaseem A, Wilt TJ, McLean RM, Forciea MA. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017;166(7):514–530.',
    year: 2017,
    url: 'https://doi.org/10.7326/M16-2367',
  },
  niceNg59: {
    citation:
      'National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59). November 2016, updated December 2020.',
    year: 2016,
    url: 'https://www.nice.org.uk/guidance/ng59',
  },
  niceNg193: {
    citation:
      'National Institute for Health and Care Excellence. Chronic pain (primary and secondary) in over 16s: assessment of all chronic pain and management of chronic primary pain (NG193). 2021.',
    year: 2021,
    url: 'https://www.nice.org.uk/guidance/ng193',
  },
  cochrane2020: {
    citation:
      'Mu J, Furlan AD, Lam WY, Hsu MY, Ning Z, Lao L. Acupuncture for chronic nonspecific low back pain. Cochrane Database Syst Rev 2020;12:CD013814.',
    year: 2020,
    url: 'https://doi.org/10.1002/14651858.CD013814',
  },
  cochrane2005: {
    citation:
      'Furlan AD, et al. Acupuncture and dry-needling for low back pain. Cochrane Database Syst Rev 2005;CD001351.',
    year: 2005,
  },
  manheimer2005: {
    citation:
      'Manheimer E, et al. Meta-analysis: acupuncture for low back pain. Ann Intern Med 2005;142:651–663.',
    year: 2005,
  },
  vickers2018: {
    citation:
      'Vickers AJ, et al. Acupuncture for chronic pain: update of an individual patient data meta-analysis. J Pain 2018;19(5):455–474.',
    year: 2018,
  },
  nccih: {
    citation:
      'National Center for Complementary and Integrative Health. Low-back pain and complementary health approaches: what you need to know. 2020.',
    year: 2020,
  },
  gerac2007: {
    citation:
      'Haake M, et al. German Acupuncture Trials (GERAC) for chronic low back pain: randomized, multicenter, blinded, parallel-group trial with 3 groups. Arch Intern Med 2007;167(17):1892–1898.',
    year: 2007,
  },
  cherkin2009: {
    citation:
      'Cherkin DC, et al. A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain. Arch Intern Med 2009;169(9):858–866.',
    year: 2009,
  },
  brinkhaus2006: {
    citation:
      'Brinkhaus B, et al. Acupuncture in patients with chronic low back pain: a randomized controlled trial. Arch Intern Med 2006;166(4):450–457.',
    year: 2006,
  },
  tu2024: {
    citation:
      'Tu JF, et al. Acupuncture vs sham acupuncture for chronic sciatica from herniated disk: a randomized clinical trial. JAMA Intern Med 2024;184(12):1417–1424.',
    year: 2024,
  },
  trinh2016: {
    // reference.md marks the neck-pain Cochrane figures "(verify)".
    citation:
      'Trinh K, et al. Acupuncture for neck disorders. Cochrane Database Syst Rev 2016 (details to verify).',
    year: 2016,
  },
  medicareNcd: {
    citation:
      'Centers for Medicare & Medicaid Services. National Coverage Determination 30.3.3: acupuncture for chronic low back pain. Effective 21 January 2020.',
    year: 2020,
  },
  whoSafety1999: {
    citation:
      'World Health Organization. Guidelines on basic training and safety in acupuncture (WHO/EDM/TRM/99.1). 1999.',
    year: 1999,
  },
  witt2009: {
    citation:
      'Witt CM, et al. Safety of acupuncture: results of a prospective observational study with 229,230 patients. Forsch Komplementmed 2009;16:91–97.',
    year: 2009,
  },
  chen2018: {
    citation:
      'Chen et al. J Acupunct Meridian Stud 2018;11(6):355–360 (ultrasound depth from skin to lung lining at the shoulder-top point GB21).',
    year: 2018,
  },
  girft2023: {
    citation:
      'NHS England / Getting It Right First Time. National suspected cauda equina syndrome pathway. 2023.',
    year: 2023,
  },
  finucane2020: {
    citation:
      'Finucane LM, et al. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50(7):350–372.',
    year: 2020,
  },
} as const satisfies Record<string, ConditionReference>;
