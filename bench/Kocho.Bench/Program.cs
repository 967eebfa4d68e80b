using Kocho.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
return await BenchRun.RunAsync(options, Console.Out);
