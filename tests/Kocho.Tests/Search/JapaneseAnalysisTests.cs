using Kocho.Core.Search;
using Kocho.Core.Search.Analysis;
using Kocho.Core.Search.Synonyms;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Xunit;

namespace Kocho.Tests.Search;

/// <summary>What the analysis does to residents' spellings, phrasing and the administrators' synonym lines.</summary>
public sealed class JapaneseAnalysisTests
{
    [Theory]
    [InlineData("ｿﾀﾞｲｺﾞﾐ", "そだいごみ")]
    [InlineData("ソダイゴミ", "そだいごみ")]
    [InlineData("ＰａｙＰａｙ", "paypay")]
    [InlineData("７５歳", "75歳")]
    [InlineData("マイナンバーカード", "まいなんばーかーど")]
    public void Width_case_and_kana_variants_fold_to_one_form(string typed, string folded) =>
        Assert.Equal(folded, JapaneseAnalysis.Fold(typed));

    [Fact]
    public void Bigrams_of_a_half_width_katakana_query_equal_those_of_the_full_width_word()
    {
        Assert.Equal(Tokens(JapaneseAnalysis.Bigrams, "マイナンバーカード"), Tokens(JapaneseAnalysis.Bigrams, "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ"));
        Assert.Equal(Tokens(JapaneseAnalysis.Bigrams, "まいなんばーかーど"), Tokens(JapaneseAnalysis.Bigrams, "マイナンバーカード"));
        Assert.Equal(["住民", "民票"], Tokens(JapaneseAnalysis.Bigrams, "住民票"));
    }

    [Fact]
    public void Words_are_segmented_with_the_dictionary_and_particles_dropped()
    {
        var words = Tokens(JapaneseAnalysis.Words, "粗大ごみの申込み");
        Assert.Equal(["粗大ごみ", "申込"], words);
    }

    [Theory]
    [InlineData("住民票について知りたいのですが", "住民票")]
    [InlineData("印鑑登録の方法を教えてください", "印鑑登録")]
    [InlineData("転入届はどうすればいいですか？", "転入届")]
    [InlineData("粗大ごみを出したいのですが", "粗大ごみを出")]
    [InlineData("教えてください", "教えてください")]
    public void Question_phrasing_is_cut_from_queries(string query, string remains) =>
        Assert.Equal(remains, QuestionPhrasing.Strip(query).Replace(" ", ""));

    [Fact]
    public void A_synonym_group_expands_a_query_that_contains_one_of_its_terms_in_any_spelling()
    {
        var set = new SynonymSet([["マイナンバーカード", "個人番号カード"], ["住民票", "住民票の写し"]]);
        Assert.Equal(["個人番号かーど"], Assert.Single(set.Expand("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞの暗証番号")));
        Assert.Equal(["住民票の写し"], Assert.Single(set.Expand("住民票がほしい")));
        Assert.Empty(set.Expand("粗大ごみ"));
    }

    [Fact]
    public void A_synonym_line_needs_two_terms_and_errors_name_the_line()
    {
        var (groups, errors) = SynonymList.Parse("住民票, 住民票の写し\n# comment\n\n粗大ごみ ⇔ 粗大ゴミ、大型ごみ\nソファ\n");
        Assert.Equal([["住民票", "住民票の写し"], ["粗大ごみ", "粗大ゴミ", "大型ごみ"]], groups);
        var error = Assert.Single(errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("5行目: 同義語は「住民票, 住民票の写し」のように2語以上をカンマ（、）で区切って入力してください。",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, error.Message, error.Arguments));
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
