// office-addin-mock only needs this enum; the real package pulls an ESM-only dependency jest 30 on Node 20 cannot load.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
