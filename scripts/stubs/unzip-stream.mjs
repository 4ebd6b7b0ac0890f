// Stands in for unzip-stream in dist/. @actions/artifact imports it to unzip a zipped artifact on download; the
// baseline artifact is uploaded as one file, not zipped (`skipArchive`, src/sources/baseline-artifact.ts), and is
// downloaded as that file, so nothing here unzips. Bundling it would bring chainsaw and buffers, whose licences are
// not on the build's allow-list. A zipped artifact of the baseline's name fails loudly, and the run reports the
// baseline as unavailable.
export default {
  Extract() {
    throw new Error(
      'the baseline artifact is zipped, but permission-preflight reads only the unzipped record it uploads itself ' +
        '(see scripts/stubs/unzip-stream.mjs)',
    );
  },
};
