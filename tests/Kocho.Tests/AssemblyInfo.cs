using Xunit;

[assembly: TestCollectionOrderer("Kocho.Tests.Infrastructure.LongestFirstOrderer", "Kocho.Tests")]
