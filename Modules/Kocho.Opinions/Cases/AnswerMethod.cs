namespace Kocho.Opinions.Cases;

/// <summary>回答方法: web (read after sign-in or with the access code), e-mail, letter (回答書) or phone.</summary>
public enum AnswerMethod
{
    None = 0,
    Web = 1,
    Email = 2,
    Letter = 3,
    Phone = 4,
}
