using Kocho.Core.Modules;
using Kocho.Core.Sites;

[assembly: KochoTheme("Kocho.TheAdmin", Site.Staff)]
