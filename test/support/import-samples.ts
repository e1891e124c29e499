// The official samples every import test reads (paths under standards/).
export const OFFICIAL_SAMPLES = [
    'elm/samples/Sample-MC-Annex1-unsigned.jsonld',
    'elm/samples/elm32-credential-sample-minimal.jsonld',
    'elm/samples/ebsi-edc-microcredential-data-and-software-business.json',
    'elm/samples/ebsi-edc-digicomp-generic.json',
    'ob3/examples/basicOpenBadgeCredential.json',
    'ob3/examples/fullOpenBadge.json',
    'ob3/examples/achievementAlignmentCase.json',
    'ob3/examples/achievementAlignmentCe.json',
    'ob3/examples/skillAssertionCase.json',
    'ob3/examples/skillAssertionCtdl.json',
    'ob3/examples-thirdparty/mynextid-open-badge-mc-example.json'
] as const;
