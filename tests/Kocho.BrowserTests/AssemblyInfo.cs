using Xunit;

// One browser story at a time: each starts a portal and a Chromium, and CI has two cores shared with the
// integration tests running beside this assembly.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
