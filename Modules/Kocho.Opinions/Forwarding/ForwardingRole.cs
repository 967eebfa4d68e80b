namespace Kocho.Opinions.Forwarding;

public enum ForwardingRole
{
    Lead = 1,    // 主管課
    Related = 2, // 関係課
}
