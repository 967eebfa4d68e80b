using Kocho.Portal;

return await KochoPortal.RunAsync(args);
