namespace Kocho.Opinions.Cases;

/// <summary>The last 受付番号 sequence given in a fiscal year; incremented inside the intake's transaction.</summary>
public sealed class ReceiptCounter
{
    public int FiscalYear { get; set; }
    public int Last { get; set; }
}
